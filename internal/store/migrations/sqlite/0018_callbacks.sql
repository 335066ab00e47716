-- Callbacks citizens booked (tilbagering): a slot within the phone
-- channel's opening hours, the area and a phone number. seat numbers the
-- bookings of one slot from 1 to the strategy's calls per slot, and the
-- unique key keeps two bookings from taking the same seat, also when they
-- arrive at the same moment. status is booked, retry (the first call was
-- not answered), done or not_reached (the second call was not answered
-- either). first_try_at is when staff first called, closed_at when the
-- callback was done or given up; the inquiry a done callback registered
-- is inquiry_id. The phone number is personal data: it is erased (NULL,
-- erased_at set) a number of days after the callback was closed, or after
-- its day when nobody handled it.
CREATE TABLE callbacks (
    id              INTEGER PRIMARY KEY,
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    area            TEXT NOT NULL,
    department      TEXT NOT NULL,
    slot_start      TIMESTAMP NOT NULL,
    slot_end        TIMESTAMP NOT NULL,
    seat            INTEGER NOT NULL,
    phone           TEXT,
    status          TEXT NOT NULL,
    booked_at       TIMESTAMP NOT NULL,
    first_try_at    TIMESTAMP,
    closed_at       TIMESTAMP,
    closed_by       TEXT,
    inquiry_id      BIGINT,
    erased_at       TIMESTAMP,
    UNIQUE (municipality_id, slot_start, seat)
);
CREATE INDEX callbacks_erase ON callbacks (erased_at, slot_end);
