/**
 * The {@code ckan} source kind: a CKAN portal (or a CKAN-compatible one, such as DKAN) read through
 * its action API, {@code package_search} paged with {@code rows} and {@code start}. {@link
 * org.comptoir.connectors.ckan.CkanKind} maps each package, with the fields of ckanext-scheming and
 * ckanext-dcat when the portal has them, to a DCAT-AP 3 dataset.
 */
package org.comptoir.connectors.ckan;
