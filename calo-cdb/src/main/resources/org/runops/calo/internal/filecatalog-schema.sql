-- The FileCatalog tables as runops reads them. INFERRED (no public DDL exists): columns and keys from the
-- public INSERT ... ON CONFLICT and SELECT statements of sPHENIX MDC2 copyscript.pl, sphenixprod and FROG;
-- types are guesses. Used only for the embedded demo catalogue and the tests. Statements end with ';' at a line end.
CREATE TABLE files (
    lfn            TEXT NOT NULL,
    full_host_name TEXT NOT NULL,
    full_file_path TEXT NOT NULL,
    time           TIMESTAMP,
    size           BIGINT,
    md5            TEXT,
    CONSTRAINT files_pkey PRIMARY KEY (lfn, full_host_name, full_file_path)
);
CREATE TABLE datasets (
    filename   TEXT NOT NULL,
    runnumber  INTEGER,
    segment    INTEGER,
    size       BIGINT,
    dataset    TEXT NOT NULL,
    dsttype    TEXT,
    events     BIGINT,
    firstevent BIGINT,
    lastevent  BIGINT,
    tag        TEXT,
    status     INTEGER,
    CONSTRAINT datasets_pkey PRIMARY KEY (filename, dataset)
);
-- Ours, not inferred: the readers all select by run number (CreateDstList.pl, runProd.py).
CREATE INDEX datasets_runnumber ON datasets (runnumber);
