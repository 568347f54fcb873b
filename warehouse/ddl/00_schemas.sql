-- Schemas by layer, each reading only the ones before it: raw (faithful copies + provenance), stg
-- (per-source views: renamed, cast, tidied), int (shared resolution tables: lab, country, model
-- family, listing, FX), marts (facts and dimensions), out (the published measures, from marts).
CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS stg;
CREATE SCHEMA IF NOT EXISTS int;
CREATE SCHEMA IF NOT EXISTS marts;
CREATE SCHEMA IF NOT EXISTS out;
