-- A history search by message type (msgType=Update, say) walked every alert of the status
-- newest first and read each one's row to test its type: Updates are one alert in seven, so a
-- page of 50 read some 6,000 rows. This index walks only the alerts of the asked type.
CREATE INDEX ix_alert_status_msg_type_sent ON alert (status, msg_type, sent_at DESC, id DESC);
