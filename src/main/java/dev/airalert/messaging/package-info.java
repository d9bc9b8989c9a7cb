/**
 * Publishing alerts through message brokers (RabbitMQ, MQTT, Kafka), driven by a transactional
 * outbox: one row per event and broker, fanned out when published to the event's oblast-level
 * regions ({@code alert.}, {@code alerts/}) and to every place it makes active ({@code place.},
 * {@code places/}, with each place's state retained on MQTT).
 */
package dev.airalert.messaging;
