-- Courier schema version 6: the table through which the transaction manager makes the H2
-- datasource's one-phase commit recoverable in a transaction with the broker (its "commit
-- markable resource"): each such commit also inserts the transaction's id here, so after a crash
-- recovery knows the database side committed and completes the broker side. Narayana reads and
-- trims it; Courier never does. Unused (and empty) with the PostgreSQL XA datasource.
CREATE TABLE xids (xid BYTEA NOT NULL, transactionManagerID VARCHAR(64), actionuid BYTEA);
CREATE UNIQUE INDEX xids_xid ON xids (xid);
