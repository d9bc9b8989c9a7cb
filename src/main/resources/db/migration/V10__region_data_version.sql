-- The region data (gazetteer and loaded region files) that the stored region resolutions of
-- alerts in force were made with, by its fingerprint. One row, created here without a
-- version: a database from before this table was made with unknown data. When the service
-- starts with other data, it resolves the alerts in force again (alert.RegionDataUpgrade),
-- holding this row locked so that one replica does it, then stores the new version.
CREATE TABLE region_data_version (
    id             INTEGER                  NOT NULL PRIMARY KEY,
    version        VARCHAR(64),
    updated_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_region_data_version_one_row CHECK (id = 1)
);
INSERT INTO region_data_version (id, version, updated_at) VALUES (1, NULL, NULL);
