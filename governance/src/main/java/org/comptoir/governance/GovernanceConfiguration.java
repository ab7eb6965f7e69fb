package org.comptoir.governance;

import org.comptoir.governance.audit.AuditTrail;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The governance module's beans. */
@Configuration(proxyBeanMethods = false)
public class GovernanceConfiguration {
    @Bean
    AuditTrail auditTrail(JdbcClient jdbc) {
        return new AuditTrail(jdbc);
    }
}
