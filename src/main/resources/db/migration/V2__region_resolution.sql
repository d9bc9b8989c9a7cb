-- Region resolution: whether an alert covers only part of a region (a polygon over half an
-- oblast, a community's KATOTTG code), and how each area was resolved.
ALTER TABLE alert_region ADD COLUMN partial BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE alert ADD COLUMN area_resolution VARCHAR;
