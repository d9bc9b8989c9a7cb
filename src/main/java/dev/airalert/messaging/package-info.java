/** Publishing alerts through message brokers (RabbitMQ, MQTT), driven by a transactional outbox. */
package dev.airalert.messaging;
