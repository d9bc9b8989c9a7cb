package dev.airalert;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The files under docker/ are checked by the tools that will read them (no Docker engine is
 * needed for that): docker-compose resolves the stack, HAProxy checks its configuration. And
 * every environment variable the stack sets is in the configuration table (docs/configuration.md).
 */
class DeploymentFilesTest {

    private static final Path COMPOSE = Path.of("docker/compose.yml");
    private static final Path DOCKERFILE = Path.of("docker/Dockerfile.jvm");

    @Test
    void composeResolvesTheStack() throws Exception {
        String resolved = MachineCommands.run("docker-compose", "-f", COMPOSE.toString(), "config");
        for (String service : List.of("postgres", "rabbitmq", "mosquitto", "kafka", "airalert-1", "airalert-2", "haproxy")) {
            assertTrue(resolved.contains("\n  " + service + ":\n"), "service " + service + " in:\n" + resolved);
        }
        assertTrue(resolved.contains("condition: service_healthy"), "start order waits for health checks");
    }

    @Test
    void haproxyAcceptsItsConfiguration() throws Exception {
        // The replicas' names resolve only inside the stack; HAProxy starts without them.
        MachineCommands.run("haproxy", "-c", "-f", "docker/haproxy.cfg");
    }

    @Test
    void theImageBuildsWithTheWrapperAndRunsAsANonRootUserWithAHealthCheck() throws Exception {
        String dockerfile = Files.readString(DOCKERFILE);
        assertTrue(dockerfile.contains("AS build") && dockerfile.contains("./mvnw"), "multi-stage, Maven wrapper");
        Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
        assertTrue(user.find() && !user.group(1).equals("root") && !user.group(1).equals("0"), "non-root user");
        assertTrue(dockerfile.contains("HEALTHCHECK") && dockerfile.contains("/q/health/ready"), "readiness health check");
        assertTrue(Files.readString(Path.of(".dockerignore")).contains("*"), "a .dockerignore keeps the context small");
    }

    @Test
    void everyVariableTheStackSetsIsDocumented() throws Exception {
        String table = Files.readString(Path.of("docs/configuration.md"));
        String compose = Files.readString(COMPOSE);
        String airalert = compose.substring(compose.indexOf("x-airalert:"), compose.indexOf("\nservices:"));
        Matcher variable = Pattern.compile("(?m)^ {4}([A-Z][A-Z0-9_]+):").matcher(airalert);
        int seen = 0;
        while (variable.find()) {
            seen++;
            assertTrue(table.contains("`" + variable.group(1) + "`"), variable.group(1) + " is in the configuration table");
        }
        assertTrue(seen > 10, "the replicas' environment was read: " + seen);
        Matcher substituted = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)").matcher(compose);
        while (substituted.find()) {
            assertTrue(table.contains("`" + substituted.group(1) + "`"), substituted.group(1) + " is in the configuration table");
        }
    }
}
