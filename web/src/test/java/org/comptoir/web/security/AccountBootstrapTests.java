package org.comptoir.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.comptoir.catalog.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

@ExtendWith(OutputCaptureExtension.class)
class AccountBootstrapTests {
    private final DataSource dataSource = TestDatabases.h2("classpath:db/changelog/security.yaml");
    private final JdbcUserDetailsManager users = new JdbcUserDetailsManager(dataSource);
    private final org.springframework.security.crypto.password.PasswordEncoder encoder =
            PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void createsTheFirstAdministratorWithAOneTimePasswordPrintedOnce(CapturedOutput output) {
        bootstrap(new SecurityProperties("admin", "")).run(new DefaultApplicationArguments());

        var matcher = Pattern.compile("one-time password: (\\S+)").matcher(output.getOut());
        assertThat(matcher.find()).as("the generated password is logged").isTrue();
        var password = matcher.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        var admin = users.loadUserByUsername("admin");
        assertThat(encoder.matches(password, admin.getPassword())).isTrue();
        assertThat(admin.getPassword()).doesNotContain(password);
        assertThat(admin.getAuthorities()).extracting(Object::toString).contains("ROLE_ADMIN", "ROLE_CDO");

        bootstrap(new SecurityProperties("admin", "")).run(new DefaultApplicationArguments());
        assertThat(Pattern.compile("one-time password")
                        .matcher(output.getOut())
                        .results()
                        .count())
                .as("printed once, not at every start")
                .isEqualTo(1);
    }

    @Test
    void usesTheConfiguredPasswordAndNeverLogsIt(CapturedOutput output) {
        bootstrap(new SecurityProperties("root", "s3cret-from-vault")).run(new DefaultApplicationArguments());

        assertThat(encoder.matches(
                        "s3cret-from-vault", users.loadUserByUsername("root").getPassword()))
                .isTrue();
        assertThat(output.getOut()).doesNotContain("s3cret-from-vault");
    }

    @Test
    void createsNobodyWhenAccountsExist(CapturedOutput output) {
        bootstrap(new SecurityProperties("admin", "first")).run(new DefaultApplicationArguments());
        bootstrap(new SecurityProperties("other", "second")).run(new DefaultApplicationArguments());

        assertThat(users.userExists("other")).isFalse();
    }

    private AccountBootstrap bootstrap(SecurityProperties properties) {
        return new AccountBootstrap(users, JdbcClient.create(dataSource), encoder, properties);
    }
}
