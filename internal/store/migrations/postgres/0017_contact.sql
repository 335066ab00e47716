-- Questions citizens ask through the contact form (internal/contact,
-- docs/contact.md): information inquiries without personal data, answered
-- by the area's department. A question the personal-data check refuses is
-- never stored. reply_to is the e-mail address or phone number the citizen
-- gave for the answer ('' when none; reply_kind says which). answer_by is
-- the expected answer date (civil date, '' when the area has no response
-- time). Answering registers the inquiry (inquiry_id, NULL when the
-- recorder found it a duplicate) and records how the answer went back:
-- answered_via email, phone or none. question, reply_to and answer are
-- personal data: erased_at is when they were cleared after the retention
-- period; the row, its dates and its inquiry stay.
CREATE TABLE contact_questions (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    area            TEXT NOT NULL,
    department      TEXT NOT NULL,
    question        TEXT NOT NULL,
    reply_to        TEXT NOT NULL,
    reply_kind      TEXT NOT NULL CHECK (reply_kind IN ('', 'email', 'phone')),
    created_at      TIMESTAMPTZ NOT NULL,
    answer_by       TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('new', 'answered')),
    answered_at     TIMESTAMPTZ,
    answered_by     TEXT NOT NULL,
    answered_via    TEXT NOT NULL CHECK (answered_via IN ('', 'email', 'phone', 'none')),
    answer          TEXT NOT NULL,
    inquiry_id      BIGINT,
    erased_at       TIMESTAMPTZ
);
CREATE INDEX contact_questions_queue ON contact_questions (municipality_id, status, created_at);

-- E-mail Kanal sent with the local outbox (internal/mail) instead of an
-- SMTP server: the demo and development show them on a staff page. The
-- body is personal data, erased with the question it answers.
CREATE TABLE mail_outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_id TEXT NOT NULL,
    to_addr         TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX mail_outbox_municipality ON mail_outbox (municipality_id, created_at);
