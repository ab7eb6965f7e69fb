/**
 * Who may do what: local accounts with hashed passwords, the roles of the authority (CDO, OWNER,
 * DPO, PARTNER, ADMIN), HTTP Basic or personal API tokens for the API, a login form for the screens, and the audience a
 * caller belongs to for reads.
 */
package org.comptoir.web.security;
