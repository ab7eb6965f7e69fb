package org.comptoir.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Comptoir: the data catalogue and governance hub of a French local authority. */
@SpringBootApplication(scanBasePackages = "org.comptoir")
@ConfigurationPropertiesScan("org.comptoir")
public class ComptoirApplication {
    public static void main(String[] args) {
        SpringApplication.run(ComptoirApplication.class, args);
    }
}
