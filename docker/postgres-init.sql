-- The test database beside the app's, and the trigram extension in both (as scripts/services.sh does).
CREATE DATABASE raksha_test OWNER raksha;
\connect raksha
CREATE EXTENSION IF NOT EXISTS pg_trgm;
\connect raksha_test
CREATE EXTENSION IF NOT EXISTS pg_trgm;
