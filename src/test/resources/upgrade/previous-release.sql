-- A database filled by the previous release (schema version 9, commit aa3b86d): the upgrade
-- tests load it and start the current service on it (RegionDataUpgradeTest).
--
-- Made by running that release's production package on an empty PostgreSQL database and using
-- its HTTP API only (publish-fixture.sh beside this file), then
--   pg_dump --no-owner --no-privileges --inserts <database>
-- with the two psql-only \restrict/\unrestrict lines of newer pg_dump taken out (JDBC cannot run
-- them). Nothing else is changed.
--
-- What is in it: a publisher key (sender civil-defence@alerts.example) and a subscriber key;
-- a webhook subscription for "Odesa" and "Lviv" (to http://127.0.0.1:9/hook, so its deliveries
-- are pending retries); and these alerts, each with its event, deliveries and audit rows:
--   fixture-a        active, areaDesc "Odesa", no geocode             -> UA-51
--   fixture-b        active, geocode KATOTTG UA46060250000025047      -> UA-46, partial
--   fixture-c        active, geocode ISO 3166-2 UA-46                 -> UA-46
--   fixture-d        expired, areaDesc "Odesa"                        -> UA-51
--   fixture-e        expired, geocode KATOTTG UA46060250000025047     -> UA-46, partial
--   fixture-f        cancelled by fixture-f-cancel, areaDesc "Odesa" -> UA-51
--   fixture-g        Exercise, geocode KATOTTG UA46060250000025047    -> UA-46, partial
--   fixture-f-cancel the Cancel of fixture-f, no area
-- The active ones carry no expiry, so they stay active whenever the test runs.
--
-- Secrets of this fixture only, none of any deployment: the SHA-256 hashes of the two keys'
-- secrets (the secrets themselves were not kept), and the webhook secret and the master key
-- check sealed with the master key the test configures (PreviousReleaseDatabase.FIXTURE_MASTER_KEY).
--
--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: audit_event_append_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_event_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
  IF TG_OP = 'UPDATE' OR OLD.at > now() - interval '23 hours' THEN
    RAISE EXCEPTION 'the audit trail is append-only';
  END IF;
  RETURN OLD;
END $$;


--
-- Name: audit_event_no_truncate(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_event_no_truncate() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: alert; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alert (
    id uuid NOT NULL,
    sender character varying(1024) NOT NULL,
    identifier character varying(1024) NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    status character varying(16) NOT NULL,
    msg_type character varying(16) NOT NULL,
    scope character varying(16) NOT NULL,
    state character varying(16) NOT NULL,
    expires_at timestamp with time zone,
    replaced_by uuid,
    received_at timestamp with time zone NOT NULL,
    published_by uuid,
    source_format character varying(8) NOT NULL,
    content_hash character varying(64) NOT NULL,
    document character varying NOT NULL,
    original_xml bytea,
    area_resolution character varying,
    signature_verdict character varying(16) DEFAULT 'unsigned'::character varying NOT NULL,
    signature_certificate character varying(64),
    signature_subject character varying(1000),
    signature_reason character varying(500),
    published_by_holder character varying(200),
    copy_no integer DEFAULT 0 NOT NULL,
    approval_rule uuid,
    decision character varying(16),
    decided_at timestamp with time zone,
    decided_by character varying(64),
    decided_by_holder character varying(200)
);


--
-- Name: alert_address; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alert_address (
    alert_id uuid NOT NULL,
    address character varying(1024) NOT NULL
);


--
-- Name: alert_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alert_event (
    seq bigint NOT NULL,
    id uuid NOT NULL,
    type character varying(32) NOT NULL,
    alert_id uuid,
    chain_key character varying(64) NOT NULL,
    related_alert_ids character varying NOT NULL,
    created_at timestamp with time zone NOT NULL,
    payload character varying NOT NULL,
    audience character varying(16) DEFAULT 'public'::character varying NOT NULL,
    published_by uuid
);


--
-- Name: alert_event_seq_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.alert_event ALTER COLUMN seq ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.alert_event_seq_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: alert_info; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alert_info (
    alert_id uuid NOT NULL,
    "position" integer NOT NULL,
    language character varying(64) NOT NULL,
    event_key character varying(512) NOT NULL,
    urgency character varying(16) NOT NULL,
    severity_rank smallint NOT NULL,
    certainty character varying(16) NOT NULL,
    sent_at timestamp with time zone NOT NULL
);


--
-- Name: alert_reference; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alert_reference (
    alert_id uuid NOT NULL,
    "position" integer NOT NULL,
    ref_sender character varying(1024) NOT NULL,
    ref_identifier character varying(1024) NOT NULL,
    ref_sent character varying(32) NOT NULL
);


--
-- Name: alert_region; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.alert_region (
    alert_id uuid NOT NULL,
    region_code character varying(32) NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    partial boolean DEFAULT false NOT NULL
);


--
-- Name: api_key; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_key (
    id uuid NOT NULL,
    name character varying(200) NOT NULL,
    roles character varying(200) NOT NULL,
    prefix character varying(16) NOT NULL,
    secret_hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    holder character varying(200) NOT NULL,
    publishes_per_minute integer
);


--
-- Name: api_key_address; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_key_address (
    key_id uuid NOT NULL,
    address character varying(1024) NOT NULL
);


--
-- Name: api_key_region; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_key_region (
    key_id uuid NOT NULL,
    region_code character varying(32) NOT NULL
);


--
-- Name: api_key_sender; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_key_sender (
    key_id uuid NOT NULL,
    pattern character varying(2100) NOT NULL
);


--
-- Name: approval_rule; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.approval_rule (
    id uuid NOT NULL,
    key_id uuid,
    sender character varying(1024),
    severities character varying(100) NOT NULL,
    msg_types character varying(100) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by character varying(64) NOT NULL
);


--
-- Name: audit_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_event (
    id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    action character varying(40) NOT NULL,
    outcome character varying(16) NOT NULL,
    key_id character varying(64),
    holder character varying(200),
    sender character varying(1024),
    alert_id uuid,
    client_address character varying(64),
    detail character varying(2000)
);


--
-- Name: broker_outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.broker_outbox (
    connector character varying(16) NOT NULL,
    event_seq bigint NOT NULL,
    due_at timestamp with time zone NOT NULL,
    attempts integer NOT NULL
);


--
-- Name: delivery; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.delivery (
    id uuid NOT NULL,
    subscription_id uuid NOT NULL,
    event_seq bigint NOT NULL,
    status character varying(16) NOT NULL,
    attempts integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    next_attempt_at timestamp with time zone,
    finished_at timestamp with time zone
);


--
-- Name: delivery_attempt; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.delivery_attempt (
    delivery_id uuid NOT NULL,
    attempt integer NOT NULL,
    attempted_at timestamp with time zone NOT NULL,
    status_code integer,
    latency_ms integer NOT NULL,
    response_excerpt character varying(1000),
    error character varying(500),
    next_retry_at timestamp with time zone
);


--
-- Name: delivery_queue; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.delivery_queue (
    delivery_id uuid NOT NULL,
    subscription_id uuid NOT NULL,
    chain_key character varying(64) NOT NULL,
    event_seq bigint NOT NULL,
    due_at timestamp with time zone NOT NULL
);


--
-- Name: event_outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.event_outbox (
    event_seq bigint NOT NULL,
    leased_until timestamp with time zone
);


--
-- Name: flyway_schema_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: prepared_cancel; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.prepared_cancel (
    alert_id uuid NOT NULL,
    content_type character varying(100) NOT NULL,
    body bytea NOT NULL,
    stored_at timestamp with time zone NOT NULL,
    stored_by character varying(64) NOT NULL
);


--
-- Name: sender_delegation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sender_delegation (
    id uuid NOT NULL,
    sender character varying(1024) NOT NULL,
    acts_for character varying(1024) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by character varying(64) NOT NULL
);


--
-- Name: service_secret; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.service_secret (
    name character varying(100) NOT NULL,
    sealed_value character varying(8000) NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: subscription; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.subscription (
    id uuid NOT NULL,
    owner character varying(64) NOT NULL,
    url character varying(2048) NOT NULL,
    description character varying(500),
    point_lat double precision,
    point_lon double precision,
    radius_km double precision,
    events character varying NOT NULL,
    min_severity_rank smallint,
    urgencies character varying(100) NOT NULL,
    certainties character varying(100) NOT NULL,
    statuses character varying(100) NOT NULL,
    languages character varying NOT NULL,
    secret character varying(500) NOT NULL,
    previous_secret character varying(500),
    previous_secret_until timestamp with time zone,
    enabled boolean NOT NULL,
    disabled_reason character varying(500),
    disabled_at timestamp with time zone,
    failing_since timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    owner_revoked_at timestamp with time zone
);


--
-- Name: subscription_region; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.subscription_region (
    subscription_id uuid NOT NULL,
    region_code character varying(32) NOT NULL
);


--
-- Name: trusted_sender; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.trusted_sender (
    id uuid NOT NULL,
    sender character varying(1024) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by character varying(64) NOT NULL
);


--
-- Name: trusted_sender_certificate; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.trusted_sender_certificate (
    id uuid NOT NULL,
    trusted_sender_id uuid NOT NULL,
    sha256 character varying(64) NOT NULL,
    subject character varying(1000) NOT NULL,
    issuer character varying(1000) NOT NULL,
    not_before timestamp with time zone NOT NULL,
    not_after timestamp with time zone NOT NULL,
    der bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by character varying(64) NOT NULL
);


--
-- Data for Name: alert; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.alert VALUES ('01a2321f-e33c-740c-862f-8ffae268c034', 'civil-defence@alerts.example', 'fixture-a', '2026-12-01 15:01:19+00', 'Actual', 'Alert', 'Public', 'active', NULL, NULL, '2026-12-01 15:01:20.265742+00', 'c3e6146c-0138-4643-97a1-a65c71922c02', 'xml', 'c05587cc9094fc65f399356b82f964ea6fdef9ee66b20501635847c49e185d38', '{"identifier":"fixture-a","sender":"civil-defence@alerts.example","sent":"2026-12-01T15:01:19-00:00","status":"Actual","msgType":"Alert","scope":"Public","info":[{"language":"en-US","category":["Safety"],"event":"Air raid","responseType":["Shelter"],"urgency":"Immediate","severity":"Extreme","certainty":"Likely","headline":"Air raid alert","area":[{"areaDesc":"Odesa"}]}]}', '\x3c3f786d6c2076657273696f6e3d22312e302220656e636f64696e673d225554462d38223f3e0a3c616c65727420786d6c6e733d2275726e3a6f617369733a6e616d65733a74633a656d657267656e63793a6361703a312e32223e0a20203c6964656e7469666965723e666978747572652d613c2f6964656e7469666965723e0a20203c73656e6465723e636976696c2d646566656e636540616c657274732e6578616d706c653c2f73656e6465723e0a20203c73656e743e323032362d31322d30315431353a30313a31392d30303a30303c2f73656e743e0a20203c7374617475733e41637475616c3c2f7374617475733e0a20203c6d7367547970653e416c6572743c2f6d7367547970653e0a20203c73636f70653e5075626c69633c2f73636f70653e0a20203c696e666f3e0a202020203c6c616e67756167653e656e2d55533c2f6c616e67756167653e0a202020203c63617465676f72793e5361666574793c2f63617465676f72793e0a202020203c6576656e743e41697220726169643c2f6576656e743e0a202020203c726573706f6e7365547970653e5368656c7465723c2f726573706f6e7365547970653e0a202020203c757267656e63793e496d6d6564696174653c2f757267656e63793e0a202020203c73657665726974793e45787472656d653c2f73657665726974793e0a202020203c6365727461696e74793e4c696b656c793c2f6365727461696e74793e0a202020200a202020203c686561646c696e653e416972207261696420616c6572743c2f686561646c696e653e0a202020203c617265613e3c61726561446573633e4f646573613c2f61726561446573633e3c2f617265613e0a20203c2f696e666f3e0a3c2f616c6572743e0a', '{"areas":[{"info":0,"area":0,"areaDesc":"Odesa","rule":"name","regions":["UA-51"]}],"unresolvedAreas":[]}', 'unsigned', NULL, NULL, NULL, 'Duty officer, civil defence', 0, NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.alert VALUES ('01a2321f-e5ac-7f82-8779-d904caa12d63', 'civil-defence@alerts.example', 'fixture-b', '2026-12-01 15:01:19+00', 'Actual', 'Alert', 'Public', 'active', NULL, NULL, '2026-12-01 15:01:20.929079+00', 'c3e6146c-0138-4643-97a1-a65c71922c02', 'xml', '8096f881a81cf0f1d7fcef31c6a9d7ec02aa1a80ed158102fa71955b4c40f4d0', '{"identifier":"fixture-b","sender":"civil-defence@alerts.example","sent":"2026-12-01T15:01:19-00:00","status":"Actual","msgType":"Alert","scope":"Public","info":[{"language":"en-US","category":["Safety"],"event":"Air raid","responseType":["Shelter"],"urgency":"Immediate","severity":"Extreme","certainty":"Likely","headline":"Air raid alert","area":[{"areaDesc":"Lviv city hromada","geocode":[{"valueName":"KATOTTG","value":"UA46060250000025047"}]}]}]}', '\x3c3f786d6c2076657273696f6e3d22312e302220656e636f64696e673d225554462d38223f3e0a3c616c65727420786d6c6e733d2275726e3a6f617369733a6e616d65733a74633a656d657267656e63793a6361703a312e32223e0a20203c6964656e7469666965723e666978747572652d623c2f6964656e7469666965723e0a20203c73656e6465723e636976696c2d646566656e636540616c657274732e6578616d706c653c2f73656e6465723e0a20203c73656e743e323032362d31322d30315431353a30313a31392d30303a30303c2f73656e743e0a20203c7374617475733e41637475616c3c2f7374617475733e0a20203c6d7367547970653e416c6572743c2f6d7367547970653e0a20203c73636f70653e5075626c69633c2f73636f70653e0a20203c696e666f3e0a202020203c6c616e67756167653e656e2d55533c2f6c616e67756167653e0a202020203c63617465676f72793e5361666574793c2f63617465676f72793e0a202020203c6576656e743e41697220726169643c2f6576656e743e0a202020203c726573706f6e7365547970653e5368656c7465723c2f726573706f6e7365547970653e0a202020203c757267656e63793e496d6d6564696174653c2f757267656e63793e0a202020203c73657665726974793e45787472656d653c2f73657665726974793e0a202020203c6365727461696e74793e4c696b656c793c2f6365727461696e74793e0a202020200a202020203c686561646c696e653e416972207261696420616c6572743c2f686561646c696e653e0a202020203c617265613e3c61726561446573633e4c76697620636974792068726f6d6164613c2f61726561446573633e3c67656f636f64653e3c76616c75654e616d653e4b41544f5454473c2f76616c75654e616d653e3c76616c75653e554134363036303235303030303032353034373c2f76616c75653e3c2f67656f636f64653e3c2f617265613e0a20203c2f696e666f3e0a3c2f616c6572743e0a', '{"areas":[{"info":0,"area":0,"areaDesc":"Lviv city hromada","rule":"geocode","regions":["UA-46"]}],"unresolvedAreas":[]}', 'unsigned', NULL, NULL, NULL, 'Duty officer, civil defence', 0, NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.alert VALUES ('01a2321f-e631-7d77-a836-c7c9298cd644', 'civil-defence@alerts.example', 'fixture-c', '2026-12-01 15:01:19+00', 'Actual', 'Alert', 'Public', 'active', NULL, NULL, '2026-12-01 15:01:21.070465+00', 'c3e6146c-0138-4643-97a1-a65c71922c02', 'xml', '44496a9e42a30935ee29150c1d96798ab1cc4f2e4f6b9c2fc93e180c509780c7', '{"identifier":"fixture-c","sender":"civil-defence@alerts.example","sent":"2026-12-01T15:01:19-00:00","status":"Actual","msgType":"Alert","scope":"Public","info":[{"language":"en-US","category":["Safety"],"event":"Air raid","responseType":["Shelter"],"urgency":"Immediate","severity":"Extreme","certainty":"Likely","headline":"Air raid alert","area":[{"areaDesc":"Lviv Oblast","geocode":[{"valueName":"ISO 3166-2","value":"UA-46"}]}]}]}', '\x3c3f786d6c2076657273696f6e3d22312e302220656e636f64696e673d225554462d38223f3e0a3c616c65727420786d6c6e733d2275726e3a6f617369733a6e616d65733a74633a656d657267656e63793a6361703a312e32223e0a20203c6964656e7469666965723e666978747572652d633c2f6964656e7469666965723e0a20203c73656e6465723e636976696c2d646566656e636540616c657274732e6578616d706c653c2f73656e6465723e0a20203c73656e743e323032362d31322d30315431353a30313a31392d30303a30303c2f73656e743e0a20203c7374617475733e41637475616c3c2f7374617475733e0a20203c6d7367547970653e416c6572743c2f6d7367547970653e0a20203c73636f70653e5075626c69633c2f73636f70653e0a20203c696e666f3e0a202020203c6c616e67756167653e656e2d55533c2f6c616e67756167653e0a202020203c63617465676f72793e5361666574793c2f63617465676f72793e0a202020203c6576656e743e41697220726169643c2f6576656e743e0a202020203c726573706f6e7365547970653e5368656c7465723c2f726573706f6e7365547970653e0a202020203c757267656e63793e496d6d6564696174653c2f757267656e63793e0a202020203c73657665726974793e45787472656d653c2f73657665726974793e0a202020203c6365727461696e74793e4c696b656c793c2f6365727461696e74793e0a202020200a202020203c686561646c696e653e416972207261696420616c6572743c2f686561646c696e653e0a202020203c617265613e3c61726561446573633e4c766976204f626c6173743c2f61726561446573633e3c67656f636f64653e3c76616c75654e616d653e49534f20333136362d323c2f76616c75654e616d653e3c76616c75653e55412d34363c2f76616c75653e3c2f67656f636f64653e3c2f617265613e0a20203c2f696e666f3e0a3c2f616c6572743e0a', '{"areas":[{"info":0,"area":0,"areaDesc":"Lviv Oblast","rule":"geocode","regions":["UA-46"]}],"unresolvedAreas":[]}', 'unsigned', NULL, NULL, NULL, 'Duty officer, civil defence', 0, NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.alert VALUES ('01a2321f-e6f5-78f6-baa3-0fe7254e3653', 'civil-defence@alerts.example', 'fixture-d', '2026-12-01 15:01:19+00', 'Actual', 'Alert', 'Public', 'active', '2026-12-01 15:01:39+00', NULL, '2026-12-01 15:01:21.266338+00', 'c3e6146c-0138-4643-97a1-a65c71922c02', 'xml', '4cab2b100b786ac45724c5d1113ed26ac2a241f5dafcc12b985ed33594532799', '{"identifier":"fixture-d","sender":"civil-defence@alerts.example","sent":"2026-12-01T15:01:19-00:00","status":"Actual","msgType":"Alert","scope":"Public","info":[{"language":"en-US","category":["Safety"],"event":"Air raid","responseType":["Shelter"],"urgency":"Immediate","severity":"Extreme","certainty":"Likely","expires":"2026-12-01T15:01:39-00:00","headline":"Air raid alert","area":[{"areaDesc":"Odesa"}]}]}', '\x3c3f786d6c2076657273696f6e3d22312e302220656e636f64696e673d225554462d38223f3e0a3c616c65727420786d6c6e733d2275726e3a6f617369733a6e616d65733a74633a656d657267656e63793a6361703a312e32223e0a20203c6964656e7469666965723e666978747572652d643c2f6964656e7469666965723e0a20203c73656e6465723e636976696c2d646566656e636540616c657274732e6578616d706c653c2f73656e6465723e0a20203c73656e743e323032362d31322d30315431353a30313a31392d30303a30303c2f73656e743e0a20203c7374617475733e41637475616c3c2f7374617475733e0a20203c6d7367547970653e416c6572743c2f6d7367547970653e0a20203c73636f70653e5075626c69633c2f73636f70653e0a20203c696e666f3e0a202020203c6c616e67756167653e656e2d55533c2f6c616e67756167653e0a202020203c63617465676f72793e5361666574793c2f63617465676f72793e0a202020203c6576656e743e41697220726169643c2f6576656e743e0a202020203c726573706f6e7365547970653e5368656c7465723c2f726573706f6e7365547970653e0a202020203c757267656e63793e496d6d6564696174653c2f757267656e63793e0a202020203c73657665726974793e45787472656d653c2f73657665726974793e0a202020203c6365727461696e74793e4c696b656c793c2f6365727461696e74793e0a202020203c657870697265733e323032362d31322d30315431353a30313a33392d30303a30303c2f657870697265733e0a202020203c686561646c696e653e416972207261696420616c6572743c2f686561646c696e653e0a202020203c617265613e3c61726561446573633e4f646573613c2f61726561446573633e3c2f617265613e0a20203c2f696e666f3e0a3c2f616c6572743e0a', '{"areas":[{"info":0,"area":0,"areaDesc":"Odesa","rule":"name","regions":["UA-51"]}],"unresolvedAreas":[]}', 'unsigned', NULL, NULL, NULL, 'Duty officer, civil defence', 0, NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.alert VALUES ('01a2321f-e7a8-7f91-8dd4-22f060a1aef8', 'civil-defence@alerts.example', 'fixture-e', '2026-12-01 15:01:19+00', 'Actual', 'Alert', 'Public', 'active', '2026-12-01 15:01:39+00', NULL, '2026-12-01 15:01:21.445372+00', 'c3e6146c-0138-4643-97a1-a65c71922c02', 'xml', '48f25261d1f270c3302b1f5889e769fd5d1fd935bfbe9fc19f88ebd451ef58ed', '{"identifier":"fixture-e","sender":"civil-defence@alerts.example","sent":"2026-12-01T15:01:19-00:00","status":"Actual","msgType":"Alert","scope":"Public","info":[{"language":"en-US","category":["Safety"],"event":"Air raid","responseType":["Shelter"],"urgency":"Immediate","severity":"Extreme","certainty":"Likely","expires":"2026-12-01T15:01:39-00:00","headline":"Air raid alert","area":[{"areaDesc":"Lviv city hromada","geocode":[{"valueName":"KATOTTG","value":"UA46060250000025047"}]}]}]}', '\x3c3f786d6c2076657273696f6e3d22312e302220656e636f64696e673d225554462d38223f3e0a3c616c65727420786d6c6e733d2275726e3a6f617369733a6e616d65733a74633a656d657267656e63793a6361703a312e32223e0a20203c6964656e7469666965723e666978747572652d653c2f6964656e7469666965723e0a20203c73656e6465723e636976696c2d646566656e636540616c657274732e6578616d706c653c2f73656e6465723e0a20203c73656e743e323032362d31322d30315431353a30313a31392d30303a30303c2f73656e743e0a20203c7374617475733e41637475616c3c2f7374617475733e0a20203c6d7367547970653e416c6572743c2f6d7367547970653e0a20203c73636f70653e5075626c69633c2f73636f70653e0a20203c696e666f3e0a202020203c6c616e67756167653e656e2d55533c2f6c616e67756167653e0a202020203c63617465676f72793e5361666574793c2f63617465676f72793e0a202020203c6576656e743e41697220726169643c2f6576656e743e0a202020203c726573706f6e7365547970653e5368656c7465723c2f726573706f6e7365547970653e0a202020203c757267656e63793e496d6d6564696174653c2f757267656e63793e0a202020203c73657665726974793e45787472656d653c2f73657665726974793e0a202020203c6365727461696e74793e4c696b656c793c2f6365727461696e74793e0a202020203c657870697265733e323032362d31322d30315431353a30313a33392d30303a30303c2f657870697265733e0a202020203c686561646c696e653e416972207261696420616c6572743c2f686561646c696e653e0a202020203c617265613e3c61726561446573633e4c76697620636974792068726f6d6164613c2f61726561446573633e3c67656f636f64653e3c76616c75654e616d653e4b41544f5454473c2f76616c75654e616d653e3c76616c75653e554134363036303235303030303032353034373c2f76616c75653e3c2f67656f636f64653e3c2f617265613e0a20203c2f696e666f3e0a3c2f616c6572743e0a', '{"areas":[{"info":0,"area":0,"areaDesc":"Lviv city hromada","rule":"geocode","regions":["UA-46"]}],"unresolvedAreas":[]}', 'unsigned', NULL, NULL, NULL, 'Duty officer, civil defence', 0, NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.alert VALUES ('01a2321f-e852-78a6-9a57-f9c5e70f3b01', 'civil-defence@alerts.example', 'fixture-f', '2026-12-01 15:01:19+00', 'Actual', 'Alert', 'Public', 'cancelled', NULL, '01a2321f-e9a6-7605-9444-4d94fb444b83', '2026-12-01 15:01:21.612065+00', 'c3e6146c-0138-4643-97a1-a65c71922c02', 'xml', '9c07e169e2137786cdc0bcbac1d0f8d8708571bef85a00894b76c5797e9cd5ae', '{"identifier":"fixture-f","sender":"civil-defence@alerts.example","sent":"2026-12-01T15:01:19-00:00","status":"Actual","msgType":"Alert","scope":"Public","info":[{"language":"en-US","category":["Safety"],"event":"Air raid","responseType":["Shelter"],"urgency":"Immediate","severity":"Extreme","certainty":"Likely","headline":"Air raid alert","area":[{"areaDesc":"Odesa"}]}]}', '\x3c3f786d6c2076657273696f6e3d22312e302220656e636f64696e673d225554462d38223f3e0a3c616c65727420786d6c6e733d2275726e3a6f617369733a6e616d65733a74633a656d657267656e63793a6361703a312e32223e0a20203c6964656e7469666965723e666978747572652d663c2f6964656e7469666965723e0a20203c73656e6465723e636976696c2d646566656e636540616c657274732e6578616d706c653c2f73656e6465723e0a20203c73656e743e323032362d31322d30315431353a30313a31392d30303a30303c2f73656e743e0a20203c7374617475733e41637475616c3c2f7374617475733e0a20203c6d7367547970653e416c6572743c2f6d7367547970653e0a20203c73636f70653e5075626c69633c2f73636f70653e0a20203c696e666f3e0a202020203c6c616e67756167653e656e2d55533c2f6c616e67756167653e0a202020203c63617465676f72793e5361666574793c2f63617465676f72793e0a202020203c6576656e743e41697220726169643c2f6576656e743e0a202020203c726573706f6e7365547970653e5368656c7465723c2f726573706f6e7365547970653e0a202020203c757267656e63793e496d6d6564696174653c2f757267656e63793e0a202020203c73657665726974793e45787472656d653c2f73657665726974793e0a202020203c6365727461696e74793e4c696b656c793c2f6365727461696e74793e0a202020200a202020203c686561646c696e653e416972207261696420616c6572743c2f686561646c696e653e0a202020203c617265613e3c61726561446573633e4f646573613c2f61726561446573633e3c2f617265613e0a20203c2f696e666f3e0a3c2f616c6572743e0a', '{"areas":[{"info":0,"area":0,"areaDesc":"Odesa","rule":"name","regions":["UA-51"]}],"unresolvedAreas":[]}', 'unsigned', NULL, NULL, NULL, 'Duty officer, civil defence', 0, NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.alert VALUES ('01a2321f-e901-7380-838c-b87ec812b27e', 'civil-defence@alerts.example', 'fixture-g', '2026-12-01 15:01:19+00', 'Exercise', 'Alert', 'Public', 'not-actual', NULL, NULL, '2026-12-01 15:01:21.789023+00', 'c3e6146c-0138-4643-97a1-a65c71922c02', 'xml', 'd6b0c727220e5dca3edab7a6c9e0a416d7dcf3e7f370b86e342fde933f264612', '{"identifier":"fixture-g","sender":"civil-defence@alerts.example","sent":"2026-12-01T15:01:19-00:00","status":"Exercise","msgType":"Alert","scope":"Public","info":[{"language":"en-US","category":["Safety"],"event":"Air raid","responseType":["Shelter"],"urgency":"Immediate","severity":"Extreme","certainty":"Likely","headline":"Air raid alert","area":[{"areaDesc":"Lviv city hromada","geocode":[{"valueName":"KATOTTG","value":"UA46060250000025047"}]}]}]}', '\x3c3f786d6c2076657273696f6e3d22312e302220656e636f64696e673d225554462d38223f3e0a3c616c65727420786d6c6e733d2275726e3a6f617369733a6e616d65733a74633a656d657267656e63793a6361703a312e32223e0a20203c6964656e7469666965723e666978747572652d673c2f6964656e7469666965723e0a20203c73656e6465723e636976696c2d646566656e636540616c657274732e6578616d706c653c2f73656e6465723e0a20203c73656e743e323032362d31322d30315431353a30313a31392d30303a30303c2f73656e743e0a20203c7374617475733e45786572636973653c2f7374617475733e0a20203c6d7367547970653e416c6572743c2f6d7367547970653e0a20203c73636f70653e5075626c69633c2f73636f70653e0a20203c696e666f3e0a202020203c6c616e67756167653e656e2d55533c2f6c616e67756167653e0a202020203c63617465676f72793e5361666574793c2f63617465676f72793e0a202020203c6576656e743e41697220726169643c2f6576656e743e0a202020203c726573706f6e7365547970653e5368656c7465723c2f726573706f6e7365547970653e0a202020203c757267656e63793e496d6d6564696174653c2f757267656e63793e0a202020203c73657665726974793e45787472656d653c2f73657665726974793e0a202020203c6365727461696e74793e4c696b656c793c2f6365727461696e74793e0a202020200a202020203c686561646c696e653e416972207261696420616c6572743c2f686561646c696e653e0a202020203c617265613e3c61726561446573633e4c76697620636974792068726f6d6164613c2f61726561446573633e3c67656f636f64653e3c76616c75654e616d653e4b41544f5454473c2f76616c75654e616d653e3c76616c75653e554134363036303235303030303032353034373c2f76616c75653e3c2f67656f636f64653e3c2f617265613e0a20203c2f696e666f3e0a3c2f616c6572743e0a', '{"areas":[{"info":0,"area":0,"areaDesc":"Lviv city hromada","rule":"geocode","regions":["UA-46"]}],"unresolvedAreas":[]}', 'unsigned', NULL, NULL, NULL, 'Duty officer, civil defence', 0, NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.alert VALUES ('01a2321f-e9a6-7605-9444-4d94fb444b83', 'civil-defence@alerts.example', 'fixture-f-cancel', '2026-12-01 15:01:21+00', 'Actual', 'Cancel', 'Public', 'cancelled', NULL, NULL, '2026-12-01 15:01:21.917798+00', 'c3e6146c-0138-4643-97a1-a65c71922c02', 'json', '1e5940f30d8df45e1edb3a946530d25eb8d66b85ca3232a1f95e381b61d643a1', '{"identifier":"fixture-f-cancel","sender":"civil-defence@alerts.example","sent":"2026-12-01T15:01:21-00:00","status":"Actual","msgType":"Cancel","scope":"Public","references":"civil-defence@alerts.example,fixture-f,2026-12-01T15:01:19-00:00"}', NULL, '{"areas":[],"unresolvedAreas":[]}', 'unsigned', NULL, NULL, NULL, 'Duty officer, civil defence', 0, NULL, NULL, NULL, NULL, NULL);


--
-- Data for Name: alert_address; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: alert_event; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.alert_event VALUES (1, '3c66dfd9-0139-4cfe-bf40-fee28bce31c3', 'alert.published', '01a2321f-e33c-740c-862f-8ffae268c034', '75aaef2c4a0c961fb8b0c69014ee244b', '', '2026-12-01 15:01:20.641438+00', '{"id":"01a2321f-e33c-740c-862f-8ffae268c034","state":"active","regions":["UA-51"],"receivedAt":"2026-12-01T15:01:20.265742122Z","resolution":[{"info":0,"area":0,"areaDesc":"Odesa","rule":"name","regions":["UA-51"]}],"signature":{"verdict":"unsigned"},"identifier":"fixture-a","sender":"civil-defence@alerts.example","sent":"2026-12-01T15:01:19-00:00","status":"Actual","msgType":"Alert","scope":"Public","info":[{"language":"en-US","category":["Safety"],"event":"Air raid","responseType":["Shelter"],"urgency":"Immediate","severity":"Extreme","certainty":"Likely","headline":"Air raid alert","area":[{"areaDesc":"Odesa"}]}]}', 'public', 'c3e6146c-0138-4643-97a1-a65c71922c02');
INSERT INTO public.alert_event VALUES (2, '52b163d6-5c9f-45cc-b7c2-a0cf8e28a4fd', 'alert.published', '01a2321f-e5ac-7f82-8779-d904caa12d63', '54f29b4fcfeba4422e791475c67f6f7f', '', '2026-12-01 15:01:20.960353+00', '{"id":"01a2321f-e5ac-7f82-8779-d904caa12d63","state":"active","regions":["UA-46"],"receivedAt":"2026-12-01T15:01:20.929079038Z","resolution":[{"info":0,"area":0,"areaDesc":"Lviv city hromada","rule":"geocode","regions":["UA-46"]}],"signature":{"verdict":"unsigned"},"identifier":"fixture-b","sender":"civil-defence@alerts.example","sent":"2026-12-01T15:01:19-00:00","status":"Actual","msgType":"Alert","scope":"Public","info":[{"language":"en-US","category":["Safety"],"event":"Air raid","responseType":["Shelter"],"urgency":"Immediate","severity":"Extreme","certainty":"Likely","headline":"Air raid alert","area":[{"areaDesc":"Lviv city hromada","geocode":[{"valueName":"KATOTTG","value":"UA46060250000025047"}]}]}]}', 'public', 'c3e6146c-0138-4643-97a1-a65c71922c02');
INSERT INTO public.alert_event VALUES (3, 'e5c2eda1-417e-4a59-b29f-5fd7c2c37ecb', 'alert.published', '01a2321f-e631-7d77-a836-c7c9298cd644', '7368b67fcd3acbdcef47644e26847db0', '', '2026-12-01 15:01:21.099729+00', '{"id":"01a2321f-e631-7d77-a836-c7c9298cd644","state":"active","regions":["UA-46"],"receivedAt":"2026-12-01T15:01:21.070465235Z","resolution":[{"info":0,"area":0,"areaDesc":"Lviv Oblast","rule":"geocode","regions":["UA-46"]}],"signature":{"verdict":"unsigned"},"identifier":"fixture-c","sender":"civil-defence@alerts.example","sent":"2026-12-01T15:01:19-00:00","status":"Actual","msgType":"Alert","scope":"Public","info":[{"language":"en-US","category":["Safety"],"event":"Air raid","responseType":["Shelter"],"urgency":"Immediate","severity":"Extreme","certainty":"Likely","headline":"Air raid alert","area":[{"areaDesc":"Lviv Oblast","geocode":[{"valueName":"ISO 3166-2","value":"UA-46"}]}]}]}', 'public', 'c3e6146c-0138-4643-97a1-a65c71922c02');
INSERT INTO public.alert_event VALUES (4, '0955d35c-17ce-4ea5-8e0e-3ddfbb6b562e', 'alert.published', '01a2321f-e6f5-78f6-baa3-0fe7254e3653', 'bd5ec40ea45055ecf37b53f824e85bd5', '', '2026-12-01 15:01:21.299284+00', '{"id":"01a2321f-e6f5-78f6-baa3-0fe7254e3653","state":"active","regions":["UA-51"],"receivedAt":"2026-12-01T15:01:21.266337947Z","resolution":[{"info":0,"area":0,"areaDesc":"Odesa","rule":"name","regions":["UA-51"]}],"signature":{"verdict":"unsigned"},"identifier":"fixture-d","sender":"civil-defence@alerts.example","sent":"2026-12-01T15:01:19-00:00","status":"Actual","msgType":"Alert","scope":"Public","info":[{"language":"en-US","category":["Safety"],"event":"Air raid","responseType":["Shelter"],"urgency":"Immediate","severity":"Extreme","certainty":"Likely","expires":"2026-12-01T15:01:39-00:00","headline":"Air raid alert","area":[{"areaDesc":"Odesa"}]}]}', 'public', 'c3e6146c-0138-4643-97a1-a65c71922c02');
INSERT INTO public.alert_event VALUES (5, 'da150869-aa8d-4f56-bd52-5156c9720721', 'alert.published', '01a2321f-e7a8-7f91-8dd4-22f060a1aef8', '1b1ac8b0c5372d53af355692d6eb7c3e', '', '2026-12-01 15:01:21.473586+00', '{"id":"01a2321f-e7a8-7f91-8dd4-22f060a1aef8","state":"active","regions":["UA-46"],"receivedAt":"2026-12-01T15:01:21.445371511Z","resolution":[{"info":0,"area":0,"areaDesc":"Lviv city hromada","rule":"geocode","regions":["UA-46"]}],"signature":{"verdict":"unsigned"},"identifier":"fixture-e","sender":"civil-defence@alerts.example","sent":"2026-12-01T15:01:19-00:00","status":"Actual","msgType":"Alert","scope":"Public","info":[{"language":"en-US","category":["Safety"],"event":"Air raid","responseType":["Shelter"],"urgency":"Immediate","severity":"Extreme","certainty":"Likely","expires":"2026-12-01T15:01:39-00:00","headline":"Air raid alert","area":[{"areaDesc":"Lviv city hromada","geocode":[{"valueName":"KATOTTG","value":"UA46060250000025047"}]}]}]}', 'public', 'c3e6146c-0138-4643-97a1-a65c71922c02');
INSERT INTO public.alert_event VALUES (6, 'ee587a9a-912a-4479-99c3-f51920956c07', 'alert.published', '01a2321f-e852-78a6-9a57-f9c5e70f3b01', '9ee64d810eeba6096140097635d35922', '', '2026-12-01 15:01:21.650382+00', '{"id":"01a2321f-e852-78a6-9a57-f9c5e70f3b01","state":"active","regions":["UA-51"],"receivedAt":"2026-12-01T15:01:21.612065256Z","resolution":[{"info":0,"area":0,"areaDesc":"Odesa","rule":"name","regions":["UA-51"]}],"signature":{"verdict":"unsigned"},"identifier":"fixture-f","sender":"civil-defence@alerts.example","sent":"2026-12-01T15:01:19-00:00","status":"Actual","msgType":"Alert","scope":"Public","info":[{"language":"en-US","category":["Safety"],"event":"Air raid","responseType":["Shelter"],"urgency":"Immediate","severity":"Extreme","certainty":"Likely","headline":"Air raid alert","area":[{"areaDesc":"Odesa"}]}]}', 'public', 'c3e6146c-0138-4643-97a1-a65c71922c02');
INSERT INTO public.alert_event VALUES (7, 'e15d971d-023c-4908-bb34-24a5fd72c617', 'alert.published', '01a2321f-e901-7380-838c-b87ec812b27e', 'e3c35be45777932224c5b262895d8a3b', '', '2026-12-01 15:01:21.80605+00', '{"id":"01a2321f-e901-7380-838c-b87ec812b27e","state":"not-actual","regions":["UA-46"],"receivedAt":"2026-12-01T15:01:21.789022632Z","resolution":[{"info":0,"area":0,"areaDesc":"Lviv city hromada","rule":"geocode","regions":["UA-46"]}],"signature":{"verdict":"unsigned"},"identifier":"fixture-g","sender":"civil-defence@alerts.example","sent":"2026-12-01T15:01:19-00:00","status":"Exercise","msgType":"Alert","scope":"Public","info":[{"language":"en-US","category":["Safety"],"event":"Air raid","responseType":["Shelter"],"urgency":"Immediate","severity":"Extreme","certainty":"Likely","headline":"Air raid alert","area":[{"areaDesc":"Lviv city hromada","geocode":[{"valueName":"KATOTTG","value":"UA46060250000025047"}]}]}]}', 'public', 'c3e6146c-0138-4643-97a1-a65c71922c02');
INSERT INTO public.alert_event VALUES (8, '1fba68c1-14b9-46ff-b954-1fdc81d2abb6', 'alert.cancelled', '01a2321f-e9a6-7605-9444-4d94fb444b83', '9ee64d810eeba6096140097635d35922', '01a2321f-e852-78a6-9a57-f9c5e70f3b01', '2026-12-01 15:01:22.019338+00', '{"id":"01a2321f-e9a6-7605-9444-4d94fb444b83","state":"cancelled","regions":[],"receivedAt":"2026-12-01T15:01:21.917797821Z","signature":{"verdict":"unsigned"},"identifier":"fixture-f-cancel","sender":"civil-defence@alerts.example","sent":"2026-12-01T15:01:21-00:00","status":"Actual","msgType":"Cancel","scope":"Public","references":"civil-defence@alerts.example,fixture-f,2026-12-01T15:01:19-00:00"}', 'public', 'c3e6146c-0138-4643-97a1-a65c71922c02');


--
-- Data for Name: alert_info; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.alert_info VALUES ('01a2321f-e33c-740c-862f-8ffae268c034', 0, 'en-US', 'air raid', 'Immediate', 4, 'Likely', '2026-12-01 15:01:19+00');
INSERT INTO public.alert_info VALUES ('01a2321f-e5ac-7f82-8779-d904caa12d63', 0, 'en-US', 'air raid', 'Immediate', 4, 'Likely', '2026-12-01 15:01:19+00');
INSERT INTO public.alert_info VALUES ('01a2321f-e631-7d77-a836-c7c9298cd644', 0, 'en-US', 'air raid', 'Immediate', 4, 'Likely', '2026-12-01 15:01:19+00');
INSERT INTO public.alert_info VALUES ('01a2321f-e6f5-78f6-baa3-0fe7254e3653', 0, 'en-US', 'air raid', 'Immediate', 4, 'Likely', '2026-12-01 15:01:19+00');
INSERT INTO public.alert_info VALUES ('01a2321f-e7a8-7f91-8dd4-22f060a1aef8', 0, 'en-US', 'air raid', 'Immediate', 4, 'Likely', '2026-12-01 15:01:19+00');
INSERT INTO public.alert_info VALUES ('01a2321f-e852-78a6-9a57-f9c5e70f3b01', 0, 'en-US', 'air raid', 'Immediate', 4, 'Likely', '2026-12-01 15:01:19+00');
INSERT INTO public.alert_info VALUES ('01a2321f-e901-7380-838c-b87ec812b27e', 0, 'en-US', 'air raid', 'Immediate', 4, 'Likely', '2026-12-01 15:01:19+00');


--
-- Data for Name: alert_reference; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.alert_reference VALUES ('01a2321f-e9a6-7605-9444-4d94fb444b83', 0, 'civil-defence@alerts.example', 'fixture-f', '2026-12-01T15:01:19-00:00');


--
-- Data for Name: alert_region; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.alert_region VALUES ('01a2321f-e33c-740c-862f-8ffae268c034', 'UA-51', '2026-12-01 15:01:19+00', false);
INSERT INTO public.alert_region VALUES ('01a2321f-e5ac-7f82-8779-d904caa12d63', 'UA-46', '2026-12-01 15:01:19+00', true);
INSERT INTO public.alert_region VALUES ('01a2321f-e631-7d77-a836-c7c9298cd644', 'UA-46', '2026-12-01 15:01:19+00', false);
INSERT INTO public.alert_region VALUES ('01a2321f-e6f5-78f6-baa3-0fe7254e3653', 'UA-51', '2026-12-01 15:01:19+00', false);
INSERT INTO public.alert_region VALUES ('01a2321f-e7a8-7f91-8dd4-22f060a1aef8', 'UA-46', '2026-12-01 15:01:19+00', true);
INSERT INTO public.alert_region VALUES ('01a2321f-e852-78a6-9a57-f9c5e70f3b01', 'UA-51', '2026-12-01 15:01:19+00', false);
INSERT INTO public.alert_region VALUES ('01a2321f-e901-7380-838c-b87ec812b27e', 'UA-46', '2026-12-01 15:01:19+00', true);


--
-- Data for Name: api_key; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.api_key VALUES ('c3e6146c-0138-4643-97a1-a65c71922c02', 'Civil defence', 'publisher', 'aak_E2O2i2', 'da6511fab85546e830e3c0284e34f3e9a8a7e8c03b082383e5c219f739131f65', '2026-12-01 15:01:19.247381+00', NULL, 'Duty officer, civil defence', NULL);
INSERT INTO public.api_key VALUES ('ee3324df-b26a-4195-a44c-98100195c6ff', 'city app', 'subscriber', 'aak_GFoOXD', '9b87a13d899b41d78ec43609c4f6791eeb25a8f9a6f6c0f4cccfc5f2679b8054', '2026-12-01 15:01:19.500352+00', NULL, 'City app backend', NULL);


--
-- Data for Name: api_key_address; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: api_key_region; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: api_key_sender; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.api_key_sender VALUES ('c3e6146c-0138-4643-97a1-a65c71922c02', 'civil-defence@alerts.example');


--
-- Data for Name: approval_rule; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: audit_event; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.audit_event VALUES ('959a8e71-e510-4fd4-bfc8-054b5dcabf3c', '2026-12-01 15:01:19.330509+00', 'key.created', 'accepted', 'admin', 'configured admin key', NULL, NULL, '127.0.0.1', 'key c3e6146c-0138-4643-97a1-a65c71922c02 ''Civil defence'' held by ''Duty officer, civil defence'', roles [publisher], senders [civil-defence@alerts.example]');
INSERT INTO public.audit_event VALUES ('228689a4-3c48-4fb9-8a79-0fb6d40c54d6', '2026-12-01 15:01:19.501537+00', 'key.created', 'accepted', 'admin', 'configured admin key', NULL, NULL, '127.0.0.1', 'key ee3324df-b26a-4195-a44c-98100195c6ff ''city app'' held by ''City app backend'', roles [subscriber]');
INSERT INTO public.audit_event VALUES ('e210e6e9-4ad8-4fbd-a5f3-33d73748e18c', '2026-12-01 15:01:20.672726+00', 'alert.published', 'accepted', 'c3e6146c-0138-4643-97a1-a65c71922c02', 'Duty officer, civil defence', 'civil-defence@alerts.example', '01a2321f-e33c-740c-862f-8ffae268c034', '127.0.0.1', 'signature unsigned');
INSERT INTO public.audit_event VALUES ('c445e371-f4c8-4c6d-b0b7-52cfdce7a71b', '2026-12-01 15:01:20.972975+00', 'alert.published', 'accepted', 'c3e6146c-0138-4643-97a1-a65c71922c02', 'Duty officer, civil defence', 'civil-defence@alerts.example', '01a2321f-e5ac-7f82-8779-d904caa12d63', '127.0.0.1', 'signature unsigned');
INSERT INTO public.audit_event VALUES ('8b653502-05c0-400e-9ad1-1b9a1643b9c2', '2026-12-01 15:01:21.118225+00', 'alert.published', 'accepted', 'c3e6146c-0138-4643-97a1-a65c71922c02', 'Duty officer, civil defence', 'civil-defence@alerts.example', '01a2321f-e631-7d77-a836-c7c9298cd644', '127.0.0.1', 'signature unsigned');
INSERT INTO public.audit_event VALUES ('15f71c26-c4c3-43ec-b9fa-a119929aca88', '2026-12-01 15:01:21.319418+00', 'alert.published', 'accepted', 'c3e6146c-0138-4643-97a1-a65c71922c02', 'Duty officer, civil defence', 'civil-defence@alerts.example', '01a2321f-e6f5-78f6-baa3-0fe7254e3653', '127.0.0.1', 'signature unsigned');
INSERT INTO public.audit_event VALUES ('37bae05f-7f2b-47ef-a21d-851895c2621e', '2026-12-01 15:01:21.486582+00', 'alert.published', 'accepted', 'c3e6146c-0138-4643-97a1-a65c71922c02', 'Duty officer, civil defence', 'civil-defence@alerts.example', '01a2321f-e7a8-7f91-8dd4-22f060a1aef8', '127.0.0.1', 'signature unsigned');
INSERT INTO public.audit_event VALUES ('60820984-5c1b-458b-a06e-b57a3059189e', '2026-12-01 15:01:21.664139+00', 'alert.published', 'accepted', 'c3e6146c-0138-4643-97a1-a65c71922c02', 'Duty officer, civil defence', 'civil-defence@alerts.example', '01a2321f-e852-78a6-9a57-f9c5e70f3b01', '127.0.0.1', 'signature unsigned');
INSERT INTO public.audit_event VALUES ('9f419394-e81a-4a94-99a6-54eed401e6d1', '2026-12-01 15:01:21.816121+00', 'alert.published', 'accepted', 'c3e6146c-0138-4643-97a1-a65c71922c02', 'Duty officer, civil defence', 'civil-defence@alerts.example', '01a2321f-e901-7380-838c-b87ec812b27e', '127.0.0.1', 'signature unsigned');
INSERT INTO public.audit_event VALUES ('151ca23a-9360-434f-bdb2-d8977ae318a4', '2026-12-01 15:01:22.039333+00', 'alert.cancelled', 'accepted', 'c3e6146c-0138-4643-97a1-a65c71922c02', 'Duty officer, civil defence', 'civil-defence@alerts.example', '01a2321f-e9a6-7605-9444-4d94fb444b83', '127.0.0.1', 'signature unsigned');


--
-- Data for Name: broker_outbox; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: delivery; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.delivery VALUES ('01a2321f-ea75-71d1-9b4f-c7ce5595830e', 'e64a2a3d-5416-4720-a621-3f4204b469ee', 8, 'pending', 0, '2026-12-01 15:01:22.058079+00', '2026-12-01 15:01:22.058079+00', NULL);
INSERT INTO public.delivery VALUES ('01a2321f-e62f-769b-ac7e-791cb4ac64a8', 'e64a2a3d-5416-4720-a621-3f4204b469ee', 2, 'pending', 2, '2026-12-01 15:01:20.994654+00', '2026-12-01 15:07:09.382877+00', NULL);
INSERT INTO public.delivery VALUES ('01a2321f-e75f-7221-b37b-fa9651851087', 'e64a2a3d-5416-4720-a621-3f4204b469ee', 4, 'pending', 2, '2026-12-01 15:01:21.326157+00', '2026-12-01 15:05:59.31039+00', NULL);
INSERT INTO public.delivery VALUES ('01a2321f-e81f-76bc-b99a-b001ad2f7190', 'e64a2a3d-5416-4720-a621-3f4204b469ee', 5, 'pending', 2, '2026-12-01 15:01:21.5021+00', '2026-12-01 15:05:59.474688+00', NULL);
INSERT INTO public.delivery VALUES ('01a2321f-e8c1-7af0-9b6e-4eaa92009efe', 'e64a2a3d-5416-4720-a621-3f4204b469ee', 6, 'pending', 2, '2026-12-01 15:01:21.676874+00', '2026-12-01 15:07:16.113883+00', NULL);
INSERT INTO public.delivery VALUES ('01a2321f-e6c5-7188-b476-54aba794776a', 'e64a2a3d-5416-4720-a621-3f4204b469ee', 3, 'pending', 2, '2026-12-01 15:01:21.132266+00', '2026-12-01 15:06:00.338883+00', NULL);
INSERT INTO public.delivery VALUES ('01a2321f-e5b0-7303-8cd1-8f62a9fc9fff', 'e64a2a3d-5416-4720-a621-3f4204b469ee', 1, 'pending', 2, '2026-12-01 15:01:20.684761+00', '2026-12-01 15:06:08.127886+00', NULL);


--
-- Data for Name: delivery_attempt; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.delivery_attempt VALUES ('01a2321f-e5b0-7303-8cd1-8f62a9fc9fff', 1, '2026-12-01 15:01:21.169046+00', NULL, 163, NULL, 'Connection refused: /127.0.0.1:9', '2026-12-01 15:01:27.053108+00');
INSERT INTO public.delivery_attempt VALUES ('01a2321f-e62f-769b-ac7e-791cb4ac64a8', 1, '2026-12-01 15:01:21.178384+00', NULL, 67, NULL, 'Connection refused: /127.0.0.1:9', '2026-12-01 15:01:25.279108+00');
INSERT INTO public.delivery_attempt VALUES ('01a2321f-e6c5-7188-b476-54aba794776a', 1, '2026-12-01 15:01:21.23493+00', NULL, 11, NULL, 'Connection refused: /127.0.0.1:9', '2026-12-01 15:01:26.359225+00');
INSERT INTO public.delivery_attempt VALUES ('01a2321f-e75f-7221-b37b-fa9651851087', 1, '2026-12-01 15:01:21.394771+00', NULL, 8, NULL, 'Connection refused: /127.0.0.1:9', '2026-12-01 15:01:25.509429+00');
INSERT INTO public.delivery_attempt VALUES ('01a2321f-e81f-76bc-b99a-b001ad2f7190', 1, '2026-12-01 15:01:21.580531+00', NULL, 11, NULL, 'Connection refused: /127.0.0.1:9', '2026-12-01 15:01:26.020697+00');
INSERT INTO public.delivery_attempt VALUES ('01a2321f-e8c1-7af0-9b6e-4eaa92009efe', 1, '2026-12-01 15:01:21.748425+00', NULL, 15, NULL, 'Connection refused: /127.0.0.1:9', '2026-12-01 15:01:26.290024+00');
INSERT INTO public.delivery_attempt VALUES ('01a2321f-e62f-769b-ac7e-791cb4ac64a8', 2, '2026-12-01 15:01:25.332465+00', NULL, 4, NULL, 'Connection refused: /127.0.0.1:9', '2026-12-01 15:07:09.382877+00');
INSERT INTO public.delivery_attempt VALUES ('01a2321f-e75f-7221-b37b-fa9651851087', 2, '2026-12-01 15:01:25.608274+00', NULL, 2, NULL, 'Connection refused: /127.0.0.1:9', '2026-12-01 15:05:59.31039+00');
INSERT INTO public.delivery_attempt VALUES ('01a2321f-e81f-76bc-b99a-b001ad2f7190', 2, '2026-12-01 15:01:26.133642+00', NULL, 3, NULL, 'Connection refused: /127.0.0.1:9', '2026-12-01 15:05:59.474688+00');
INSERT INTO public.delivery_attempt VALUES ('01a2321f-e8c1-7af0-9b6e-4eaa92009efe', 2, '2026-12-01 15:01:26.410945+00', NULL, 4, NULL, 'Connection refused: /127.0.0.1:9', '2026-12-01 15:07:16.113883+00');
INSERT INTO public.delivery_attempt VALUES ('01a2321f-e6c5-7188-b476-54aba794776a', 2, '2026-12-01 15:01:26.418896+00', NULL, 10, NULL, 'Connection refused: /127.0.0.1:9', '2026-12-01 15:06:00.338883+00');
INSERT INTO public.delivery_attempt VALUES ('01a2321f-e5b0-7303-8cd1-8f62a9fc9fff', 2, '2026-12-01 15:01:27.222704+00', NULL, 7, NULL, 'Connection refused: /127.0.0.1:9', '2026-12-01 15:06:08.127886+00');


--
-- Data for Name: delivery_queue; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.delivery_queue VALUES ('01a2321f-ea75-71d1-9b4f-c7ce5595830e', 'e64a2a3d-5416-4720-a621-3f4204b469ee', '9ee64d810eeba6096140097635d35922', 8, '2026-12-01 15:01:22.058079+00');
INSERT INTO public.delivery_queue VALUES ('01a2321f-e62f-769b-ac7e-791cb4ac64a8', 'e64a2a3d-5416-4720-a621-3f4204b469ee', '54f29b4fcfeba4422e791475c67f6f7f', 2, '2026-12-01 15:07:09.382877+00');
INSERT INTO public.delivery_queue VALUES ('01a2321f-e75f-7221-b37b-fa9651851087', 'e64a2a3d-5416-4720-a621-3f4204b469ee', 'bd5ec40ea45055ecf37b53f824e85bd5', 4, '2026-12-01 15:05:59.31039+00');
INSERT INTO public.delivery_queue VALUES ('01a2321f-e81f-76bc-b99a-b001ad2f7190', 'e64a2a3d-5416-4720-a621-3f4204b469ee', '1b1ac8b0c5372d53af355692d6eb7c3e', 5, '2026-12-01 15:05:59.474688+00');
INSERT INTO public.delivery_queue VALUES ('01a2321f-e8c1-7af0-9b6e-4eaa92009efe', 'e64a2a3d-5416-4720-a621-3f4204b469ee', '9ee64d810eeba6096140097635d35922', 6, '2026-12-01 15:07:16.113883+00');
INSERT INTO public.delivery_queue VALUES ('01a2321f-e6c5-7188-b476-54aba794776a', 'e64a2a3d-5416-4720-a621-3f4204b469ee', '7368b67fcd3acbdcef47644e26847db0', 3, '2026-12-01 15:06:00.338883+00');
INSERT INTO public.delivery_queue VALUES ('01a2321f-e5b0-7303-8cd1-8f62a9fc9fff', 'e64a2a3d-5416-4720-a621-3f4204b469ee', '75aaef2c4a0c961fb8b0c69014ee244b', 1, '2026-12-01 15:06:08.127886+00');


--
-- Data for Name: event_outbox; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.flyway_schema_history VALUES (1, '1', 'alerts and keys', 'SQL', 'db/migration/V1__alerts_and_keys.sql', 1642409979, 'postgres', '2026-12-01 15:01:03.734573', 138, true);
INSERT INTO public.flyway_schema_history VALUES (2, '2', 'region resolution', 'SQL', 'db/migration/V2__region_resolution.sql', 1717765415, 'postgres', '2026-12-01 15:01:04.092907', 14, true);
INSERT INTO public.flyway_schema_history VALUES (3, '3', 'subscriptions and deliveries', 'SQL', 'db/migration/V3__subscriptions_and_deliveries.sql', -1485350038, 'postgres', '2026-12-01 15:01:04.207799', 126, true);
INSERT INTO public.flyway_schema_history VALUES (4, '4', 'direct fan out', 'SQL', 'db/migration/V4__direct_fan_out.sql', -198713875, 'postgres', '2026-12-01 15:01:04.419646', 20, true);
INSERT INTO public.flyway_schema_history VALUES (5, '5', 'Delivery tables without foreign keys', 'JDBC', 'db.migration.V5__Delivery_tables_without_foreign_keys', NULL, 'postgres', '2026-12-01 15:01:04.486387', 32, true);
INSERT INTO public.flyway_schema_history VALUES (6, '6', 'broker outbox', 'SQL', 'db/migration/V6__broker_outbox.sql', 85963388, 'postgres', '2026-12-01 15:01:04.532233', 18, true);
INSERT INTO public.flyway_schema_history VALUES (7, '7', 'who may say what', 'SQL', 'db/migration/V7__who_may_say_what.sql', -2134307070, 'postgres', '2026-12-01 15:01:04.576165', 215, true);
INSERT INTO public.flyway_schema_history VALUES (8, '8', 'Verdicts addresses and append only audit', 'JDBC', 'db.migration.V8__Verdicts_addresses_and_append_only_audit', NULL, 'postgres', '2026-12-01 15:01:04.865982', 17, true);
INSERT INTO public.flyway_schema_history VALUES (9, '9', 'Room for what is accepted', 'SQL', 'db/migration/V9__Room_for_what_is_accepted.sql', -862330007, 'postgres', '2026-12-01 15:01:04.901553', 14, true);


--
-- Data for Name: prepared_cancel; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sender_delegation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: service_secret; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.service_secret VALUES ('master-key-check', 'v1.2c4dd890.uE3ImJsrWZ6LjAnEFeWicA_PpAOXZPNx8_TjPbgdiNOystO3O4fEQXxjHqO1Fqc', '2026-12-01 15:01:08.179123+00');


--
-- Data for Name: subscription; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.subscription VALUES ('e64a2a3d-5416-4720-a621-3f4204b469ee', 'ee3324df-b26a-4195-a44c-98100195c6ff', 'http://127.0.0.1:9/hook', NULL, NULL, NULL, NULL, '', NULL, '', '', 'Actual', '', 'v1.2c4dd890.SX5e2AIsgWNoDEMGXexPWU5n9dhSPbwhVeNACKLCrnDZlannM2OuiNct600Rq3Q-Pf5P7l1LxPoc7UC6dWaGaGUGwKHb-LhAhRfxBESx', NULL, NULL, true, NULL, NULL, '2026-12-01 15:01:21.190108+00', '2026-12-01 15:01:19.77994+00', '2026-12-01 15:01:19.77994+00', NULL);


--
-- Data for Name: subscription_region; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.subscription_region VALUES ('e64a2a3d-5416-4720-a621-3f4204b469ee', 'UA-46');
INSERT INTO public.subscription_region VALUES ('e64a2a3d-5416-4720-a621-3f4204b469ee', 'UA-51');


--
-- Data for Name: trusted_sender; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: trusted_sender_certificate; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Name: alert_event_seq_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.alert_event_seq_seq', 8, true);


--
-- Name: alert_address alert_address_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert_address
    ADD CONSTRAINT alert_address_pkey PRIMARY KEY (alert_id, address);


--
-- Name: alert_event alert_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert_event
    ADD CONSTRAINT alert_event_pkey PRIMARY KEY (seq);


--
-- Name: alert_info alert_info_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert_info
    ADD CONSTRAINT alert_info_pkey PRIMARY KEY (alert_id, "position");


--
-- Name: alert alert_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert
    ADD CONSTRAINT alert_pkey PRIMARY KEY (id);


--
-- Name: alert_reference alert_reference_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert_reference
    ADD CONSTRAINT alert_reference_pkey PRIMARY KEY (alert_id, "position");


--
-- Name: alert_region alert_region_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert_region
    ADD CONSTRAINT alert_region_pkey PRIMARY KEY (alert_id, region_code);


--
-- Name: api_key_address api_key_address_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_key_address
    ADD CONSTRAINT api_key_address_pkey PRIMARY KEY (key_id, address);


--
-- Name: api_key api_key_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_key
    ADD CONSTRAINT api_key_pkey PRIMARY KEY (id);


--
-- Name: api_key_region api_key_region_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_key_region
    ADD CONSTRAINT api_key_region_pkey PRIMARY KEY (key_id, region_code);


--
-- Name: api_key_sender api_key_sender_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_key_sender
    ADD CONSTRAINT api_key_sender_pkey PRIMARY KEY (key_id, pattern);


--
-- Name: approval_rule approval_rule_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.approval_rule
    ADD CONSTRAINT approval_rule_pkey PRIMARY KEY (id);


--
-- Name: audit_event audit_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_event
    ADD CONSTRAINT audit_event_pkey PRIMARY KEY (id);


--
-- Name: broker_outbox broker_outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.broker_outbox
    ADD CONSTRAINT broker_outbox_pkey PRIMARY KEY (connector, event_seq);


--
-- Name: delivery_attempt delivery_attempt_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.delivery_attempt
    ADD CONSTRAINT delivery_attempt_pkey PRIMARY KEY (delivery_id, attempt);


--
-- Name: delivery delivery_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.delivery
    ADD CONSTRAINT delivery_pkey PRIMARY KEY (id);


--
-- Name: delivery_queue delivery_queue_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.delivery_queue
    ADD CONSTRAINT delivery_queue_pkey PRIMARY KEY (delivery_id);


--
-- Name: event_outbox event_outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_outbox
    ADD CONSTRAINT event_outbox_pkey PRIMARY KEY (event_seq);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: prepared_cancel prepared_cancel_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.prepared_cancel
    ADD CONSTRAINT prepared_cancel_pkey PRIMARY KEY (alert_id);


--
-- Name: sender_delegation sender_delegation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sender_delegation
    ADD CONSTRAINT sender_delegation_pkey PRIMARY KEY (id);


--
-- Name: service_secret service_secret_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.service_secret
    ADD CONSTRAINT service_secret_pkey PRIMARY KEY (name);


--
-- Name: subscription subscription_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.subscription
    ADD CONSTRAINT subscription_pkey PRIMARY KEY (id);


--
-- Name: subscription_region subscription_region_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.subscription_region
    ADD CONSTRAINT subscription_region_pkey PRIMARY KEY (subscription_id, region_code);


--
-- Name: trusted_sender_certificate trusted_sender_certificate_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.trusted_sender_certificate
    ADD CONSTRAINT trusted_sender_certificate_pkey PRIMARY KEY (id);


--
-- Name: trusted_sender trusted_sender_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.trusted_sender
    ADD CONSTRAINT trusted_sender_pkey PRIMARY KEY (id);


--
-- Name: alert_event uq_alert_event_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert_event
    ADD CONSTRAINT uq_alert_event_id UNIQUE (id);


--
-- Name: alert uq_alert_sender_identifier_copy; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert
    ADD CONSTRAINT uq_alert_sender_identifier_copy UNIQUE (sender, identifier, copy_no);


--
-- Name: api_key uq_api_key_secret_hash; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_key
    ADD CONSTRAINT uq_api_key_secret_hash UNIQUE (secret_hash);


--
-- Name: sender_delegation uq_sender_delegation; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sender_delegation
    ADD CONSTRAINT uq_sender_delegation UNIQUE (sender, acts_for);


--
-- Name: trusted_sender uq_trusted_sender; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.trusted_sender
    ADD CONSTRAINT uq_trusted_sender UNIQUE (sender);


--
-- Name: trusted_sender_certificate uq_trusted_sender_certificate; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.trusted_sender_certificate
    ADD CONSTRAINT uq_trusted_sender_certificate UNIQUE (trusted_sender_id, sha256);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: ix_alert_address; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_alert_address ON public.alert_address USING btree (address, alert_id);


--
-- Name: ix_alert_event_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_alert_event_created ON public.alert_event USING btree (created_at);


--
-- Name: ix_alert_info_event; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_alert_info_event ON public.alert_info USING btree (event_key, sent_at DESC, alert_id);


--
-- Name: ix_alert_info_severity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_alert_info_severity ON public.alert_info USING btree (severity_rank, sent_at DESC, alert_id);


--
-- Name: ix_alert_reference_target; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_alert_reference_target ON public.alert_reference USING btree (ref_sender, ref_identifier);


--
-- Name: ix_alert_region_code; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_alert_region_code ON public.alert_region USING btree (region_code, sent_at DESC, alert_id);


--
-- Name: ix_alert_sender_sent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_alert_sender_sent ON public.alert USING btree (sender, sent_at DESC, id DESC);


--
-- Name: ix_alert_sent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_alert_sent ON public.alert USING btree (sent_at DESC, id DESC);


--
-- Name: ix_alert_state_expires; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_alert_state_expires ON public.alert USING btree (state, expires_at);


--
-- Name: ix_alert_status_sent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_alert_status_sent ON public.alert USING btree (status, sent_at DESC, id DESC);


--
-- Name: ix_audit_alert; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_alert ON public.audit_event USING btree (alert_id);


--
-- Name: ix_audit_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_at ON public.audit_event USING btree (at DESC, id DESC);


--
-- Name: ix_audit_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_key ON public.audit_event USING btree (key_id, at DESC, id DESC);


--
-- Name: ix_audit_sender; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_sender ON public.audit_event USING btree (sender, at DESC, id DESC);


--
-- Name: ix_broker_outbox_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_broker_outbox_due ON public.broker_outbox USING btree (connector, due_at);


--
-- Name: ix_delivery_event; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_delivery_event ON public.delivery USING btree (event_seq, subscription_id);


--
-- Name: ix_delivery_queue_chain; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_delivery_queue_chain ON public.delivery_queue USING btree (subscription_id, chain_key, event_seq);


--
-- Name: ix_delivery_queue_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_delivery_queue_due ON public.delivery_queue USING btree (due_at);


--
-- Name: ix_delivery_subscription; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_delivery_subscription ON public.delivery USING btree (subscription_id, created_at);


--
-- Name: ix_subscription_owner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_subscription_owner ON public.subscription USING btree (owner, created_at);


--
-- Name: ix_subscription_region_code; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_subscription_region_code ON public.subscription_region USING btree (region_code, subscription_id);


--
-- Name: audit_event audit_event_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_event_append_only BEFORE DELETE OR UPDATE ON public.audit_event FOR EACH ROW EXECUTE FUNCTION public.audit_event_append_only();


--
-- Name: audit_event audit_event_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON public.audit_event FOR EACH STATEMENT EXECUTE FUNCTION public.audit_event_no_truncate();


--
-- Name: alert_address alert_address_alert_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert_address
    ADD CONSTRAINT alert_address_alert_id_fkey FOREIGN KEY (alert_id) REFERENCES public.alert(id);


--
-- Name: alert_info alert_info_alert_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert_info
    ADD CONSTRAINT alert_info_alert_id_fkey FOREIGN KEY (alert_id) REFERENCES public.alert(id);


--
-- Name: alert_reference alert_reference_alert_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert_reference
    ADD CONSTRAINT alert_reference_alert_id_fkey FOREIGN KEY (alert_id) REFERENCES public.alert(id);


--
-- Name: alert_region alert_region_alert_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.alert_region
    ADD CONSTRAINT alert_region_alert_id_fkey FOREIGN KEY (alert_id) REFERENCES public.alert(id);


--
-- Name: api_key_address api_key_address_key_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_key_address
    ADD CONSTRAINT api_key_address_key_id_fkey FOREIGN KEY (key_id) REFERENCES public.api_key(id);


--
-- Name: api_key_region api_key_region_key_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_key_region
    ADD CONSTRAINT api_key_region_key_id_fkey FOREIGN KEY (key_id) REFERENCES public.api_key(id);


--
-- Name: api_key_sender api_key_sender_key_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_key_sender
    ADD CONSTRAINT api_key_sender_key_id_fkey FOREIGN KEY (key_id) REFERENCES public.api_key(id);


--
-- Name: event_outbox event_outbox_event_seq_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_outbox
    ADD CONSTRAINT event_outbox_event_seq_fkey FOREIGN KEY (event_seq) REFERENCES public.alert_event(seq);


--
-- Name: prepared_cancel prepared_cancel_alert_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.prepared_cancel
    ADD CONSTRAINT prepared_cancel_alert_id_fkey FOREIGN KEY (alert_id) REFERENCES public.alert(id);


--
-- Name: subscription_region subscription_region_subscription_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.subscription_region
    ADD CONSTRAINT subscription_region_subscription_id_fkey FOREIGN KEY (subscription_id) REFERENCES public.subscription(id) ON DELETE CASCADE;


--
-- Name: trusted_sender_certificate trusted_sender_certificate_trusted_sender_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.trusted_sender_certificate
    ADD CONSTRAINT trusted_sender_certificate_trusted_sender_id_fkey FOREIGN KEY (trusted_sender_id) REFERENCES public.trusted_sender(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


