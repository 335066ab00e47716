-- The departments' own texts for their yearly reports (Dragør: "Afdelingerne
-- udarbejder årligt en rapport om de iværksatte tiltag i forbindelse med
-- implementering af kanalstrategien og de påregnede eller aktuelle effekter
-- af disse tiltag"): what the department did, its comments on the effect,
-- and its plan for next year. Every save is a new version; the newest is
-- the report's. Status is written (being written) or submitted (handed to
-- the strategy group). The figures and the actions done come from the
-- counts and the action plan when the report is shown, not from here.
CREATE TABLE department_reports (
    municipality_id TEXT NOT NULL REFERENCES municipalities (id),
    department_id   TEXT NOT NULL,
    year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    version         INTEGER NOT NULL CHECK (version >= 1),
    status          TEXT NOT NULL CHECK (status IN ('written', 'submitted')),
    done_text       TEXT NOT NULL,
    effect_text     TEXT NOT NULL,
    next_year_text  TEXT NOT NULL,
    changed_at      TIMESTAMP NOT NULL,
    changed_by      TEXT NOT NULL,
    PRIMARY KEY (municipality_id, department_id, year, version)
);
