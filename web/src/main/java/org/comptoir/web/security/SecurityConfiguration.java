package org.comptoir.web.security;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two filter chains: the API (stateless, personal API tokens or HTTP Basic, problems for 401/403) and the screens (login
 * form, CSRF on). Reads of open data are anonymous everywhere; every write needs a role.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {
    private static final String[] GOVERNING = {Role.CDO.name(), Role.ADMIN.name()};
    private static final String[] INTERNAL = {Role.CDO.name(), Role.OWNER.name(), Role.DPO.name(), Role.ADMIN.name()};
    private static final String[] EDITING = {Role.CDO.name(), Role.OWNER.name(), Role.ADMIN.name()};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/api/v1/sources/**", "/api/v1/harvests/**", "/api/v1/search/**")
                        .hasAnyRole(GOVERNING)
                        .requestMatchers("/api/v1/tokens", "/api/v1/tokens/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .permitAll()
                        .requestMatchers("/api/v1/datasets/**")
                        .hasAnyRole(EDITING)
                        .anyRequest()
                        .authenticated())
                // a script's token first: one indexed query instead of a BCrypt check per request
                .addFilterBefore(
                        new BearerTokenFilter(tokens, ProblemResponses.invalidToken()), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(ProblemResponses.unauthorized()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain screens(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/catalogue")
                        .hasAnyRole(INTERNAL)
                        .requestMatchers("/sources", "/sources/**", "/harvests/**")
                        .hasAnyRole(GOVERNING)
                        .anyRequest()
                        .permitAll())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .httpBasic(org.springframework.security.config.Customizer.withDefaults())
                .logout(logout -> logout.logoutSuccessUrl("/"));
        return http.build();
    }

    /**
     * No Micrometer observation of each security filter, authentication and authorisation: with the
     * actuator on the classpath, Spring Security wraps every filter of every request in observations
     * that nothing here exports (about a tenth of a search's CPU, issue #3). Neither is the request
     * itself ({@code management.observations.enable.http.server.requests}, off in application.yaml).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JdbcUserDetailsManager users(DataSource dataSource) {
        return new JdbcUserDetailsManager(dataSource);
    }
}
