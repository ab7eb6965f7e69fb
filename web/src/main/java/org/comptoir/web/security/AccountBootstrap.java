package org.comptoir.web.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;

/**
 * The first administrator: created when no account exists, with the configured password or, when
 * none is configured, a random one printed once in the log. No default password ever exists.
 */
@Component
@Order(0)
class AccountBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final JdbcUserDetailsManager users;
    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final SecurityProperties properties;

    AccountBootstrap(
            JdbcUserDetailsManager users, JdbcClient jdbc, PasswordEncoder encoder, SecurityProperties properties) {
        this.users = users;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        long accounts = jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
        if (accounts > 0) {
            return;
        }
        var password = properties.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            var bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        users.createUser(User.withUsername(properties.adminUsername())
                .password(encoder.encode(password))
                .roles(Role.ADMIN.name(), Role.CDO.name())
                .build());
        if (generated) {
            log.warn(
                    "First administrator '{}' created with the one-time password: {} (change it, it is not shown again)",
                    properties.adminUsername(),
                    password);
        } else {
            log.info("First administrator '{}' created from configuration", properties.adminUsername());
        }
    }
}
