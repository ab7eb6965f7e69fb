/**
 * The management REST API under {@code /api/v1}: controllers implementing the interfaces generated
 * from {@code openapi.yaml}, the mapping between API representations and the catalogue's records,
 * and the one advice that turns every error into an RFC 9457 problem.
 */
package org.comptoir.web.api;
