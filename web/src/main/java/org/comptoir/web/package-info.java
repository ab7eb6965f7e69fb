/**
 * The Comptoir application: the management REST API ({@code api}), the DCAT-AP feed ({@code
 * feed}), the public screens ({@code pages}), security ({@code security}) and the demo territory
 * loader ({@code demo}).
 */
package org.comptoir.web;
