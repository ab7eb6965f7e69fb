package org.comptoir.connectors;

import org.comptoir.catalog.CatalogConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The connectors as the web application assembles them: the catalogue's beans, then ours. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({CatalogConfiguration.class, ConnectorsConfiguration.class})
public class ConnectorsTestApplication {}
