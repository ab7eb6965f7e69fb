package org.comptoir.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * Beyond Boot's defaults: the demo territory's source catalogues as static resources, and JSON
 * properties read and written through generated accessors rather than reflection (a search answer
 * writes some two thousand of them).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {
    @Bean
    BlackbirdModule blackbirdModule() {
        return new BlackbirdModule();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/demo/sources/**").addResourceLocations("classpath:/demo/sources/");
    }
}
