package org.comptoir.web.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Accounts at first start.
 *
 * @param adminUsername name of the first administrator, created when no account exists
 * @param adminPassword its password; when empty a random one is generated and logged once
 */
@Validated
@ConfigurationProperties("comptoir.security")
public record SecurityProperties(@NotBlank String adminUsername, String adminPassword) {}
