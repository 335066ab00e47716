-- Monthly counts: the dashboards read a municipality's whole strategy
-- period from here in O(months × combinations), whatever the volume. The
-- flags are counted rather than split on, since no figure filters on them.
-- Updated in the same transaction as inquiries and daily counts.
CREATE TABLE inquiry_months (
    municipality_id  TEXT NOT NULL REFERENCES municipalities (id),
    month            TEXT NOT NULL,
    area             TEXT NOT NULL,
    department       TEXT NOT NULL,
    channel          TEXT NOT NULL,
    type             TEXT NOT NULL,
    direction        TEXT NOT NULL,
    inquiries        BIGINT NOT NULL,
    resolved         BIGINT NOT NULL,
    guided           BIGINT NOT NULL,
    assisted         BIGINT NOT NULL,
    exempt           BIGINT NOT NULL,
    timed            BIGINT NOT NULL,
    duration_seconds BIGINT NOT NULL,
    PRIMARY KEY (municipality_id, month, area, department, channel, type, direction)
);

INSERT INTO inquiry_months (municipality_id, month, area, department, channel, type, direction,
    inquiries, resolved, guided, assisted, exempt, timed, duration_seconds)
SELECT municipality_id, substr(day, 1, 7), area, department, channel, type, direction,
    SUM(inquiries),
    SUM(CASE WHEN resolved_first_contact THEN inquiries ELSE 0 END),
    SUM(CASE WHEN guided THEN inquiries ELSE 0 END),
    SUM(CASE WHEN assisted THEN inquiries ELSE 0 END),
    SUM(CASE WHEN exempt THEN inquiries ELSE 0 END),
    SUM(timed), SUM(duration_seconds)
FROM inquiry_counts
GROUP BY municipality_id, substr(day, 1, 7), area, department, channel, type, direction;

-- A municipality may let the others of the installation see its digital
-- share per area beside theirs (the operator always sees all).
ALTER TABLE municipalities ADD COLUMN share_comparison BOOLEAN NOT NULL DEFAULT FALSE;
