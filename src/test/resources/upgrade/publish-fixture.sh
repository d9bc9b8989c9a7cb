#!/bin/bash
# Fills an empty database through a running service's HTTP API with what previous-release.sql
# holds: run the previous release's production package on an empty PostgreSQL database with
#   AIRALERT_ADMIN_KEY=<admin key> AIRALERT_SECURITY_MASTER_KEY=<the test's fixture master key>
#   AIRALERT_WEBHOOKS_ALLOWED_NETWORKS=127.0.0.0/8
# then `publish-fixture.sh http://localhost:8080 <admin key>`, stop the service once it has
# printed, and dump the database (see the head of previous-release.sql).
set -e
B=${1:-http://localhost:8080}
ADMIN=${2:?the admin key}
SENDER=civil-defence@alerts.example
PUB=$(curl -sf -X POST $B/api/v1/api-keys -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"name": "Civil defence", "holder": "Duty officer, civil defence", "roles": ["publisher"], "senders": ["civil-defence@alerts.example"]}' | sed 's/.*"secret":"\([^"]*\)".*/\1/')
SUB=$(curl -sf -X POST $B/api/v1/api-keys -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"name": "city app", "holder": "City app backend", "roles": ["subscriber"]}' | sed 's/.*"secret":"\([^"]*\)".*/\1/')
curl -sf -X POST $B/api/v1/subscriptions -H "Authorization: Bearer $SUB" -H 'Content-Type: application/json' \
  -d '{"url": "http://127.0.0.1:9/hook", "regions": ["Odesa", "Lviv"]}'; echo
NOW=$(date -u +%Y-%m-%dT%H:%M:%S-00:00)
SOON=$(date -u -d '+20 seconds' +%Y-%m-%dT%H:%M:%S-00:00)
# publish ID EXPIRES-or-empty STATUS AREA-XML
publish() {
  local exp=""
  [ -n "$2" ] && exp="<expires>$2</expires>"
  curl -s -w ' %{http_code}\n' -X POST $B/api/v1/alerts -H "Authorization: Bearer $PUB" -H 'Content-Type: application/cap+xml' --data-binary @- <<XML
<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>$1</identifier>
  <sender>$SENDER</sender>
  <sent>$NOW</sent>
  <status>$3</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <info>
    <language>en-US</language>
    <category>Safety</category>
    <event>Air raid</event>
    <responseType>Shelter</responseType>
    <urgency>Immediate</urgency>
    <severity>Extreme</severity>
    <certainty>Likely</certainty>
    $exp
    <headline>Air raid alert</headline>
    <area>$4</area>
  </info>
</alert>
XML
}
KATOTTG='<areaDesc>Lviv city hromada</areaDesc><geocode><valueName>KATOTTG</valueName><value>UA46060250000025047</value></geocode>'
publish fixture-a "" Actual '<areaDesc>Odesa</areaDesc>'
publish fixture-b "" Actual "$KATOTTG"
publish fixture-c "" Actual '<areaDesc>Lviv Oblast</areaDesc><geocode><valueName>ISO 3166-2</valueName><value>UA-46</value></geocode>'
publish fixture-d "$SOON" Actual '<areaDesc>Odesa</areaDesc>'
publish fixture-e "$SOON" Actual "$KATOTTG"
publish fixture-f "" Actual '<areaDesc>Odesa</areaDesc>'
publish fixture-g "" Exercise "$KATOTTG"
curl -s -w ' %{http_code}\n' -X POST $B/api/v1/alerts -H "Authorization: Bearer $PUB" -H 'Content-Type: application/json' -d @- <<JSON
{"identifier": "fixture-f-cancel", "sender": "$SENDER", "sent": "$(date -u +%Y-%m-%dT%H:%M:%S-00:00)", "status": "Actual", "msgType": "Cancel",
 "scope": "Public", "references": "$SENDER,fixture-f,$NOW"}
JSON
# fixture-d and fixture-e expire 20 seconds after they were sent.
sleep 25
