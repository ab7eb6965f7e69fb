package org.comptoir.web.demo;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo territory.
 *
 * @param enabled load the demo territory and the demo accounts (the {@code demo} profile sets it)
 * @param sources the bundled source files to harvest (later pages are reached by Hydra links)
 * @param password the demo accounts' password
 */
@ConfigurationProperties("comptoir.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,

        @DefaultValue({"gmao.ttl", "sig-1.ttl", "energie.ttl", "iot.ttl", "services.ttl"})
        List<String> sources,

        @DefaultValue("demo") String password) {}
