package ge.dms.command;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.validation.constraints.Pattern;

/**
 * The HTTP port as set, checked at start-up: without this a non-numeric {@code DMS_COMMAND_API_PORT} fails
 * deep in Netty's configuration with a message that names neither the variable nor what it should be.
 */
@Context
@ConfigurationProperties("micronaut.server")
public class ServerPort {

    @Pattern(regexp = "-1|\\d{1,5}", message = "DMS_COMMAND_API_PORT (micronaut.server.port) must be a port number, 0-65535 (-1: any free port)")
    private String port;

    public String getPort() { return port; }
    public void setPort(String port) { this.port = port; }
}
