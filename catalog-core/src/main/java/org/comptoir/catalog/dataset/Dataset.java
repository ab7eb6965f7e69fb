package org.comptoir.catalog.dataset;

/**
 * A dataset of the catalogue, as stored.
 *
 * @param id the catalogue's identifier (a UUID), which its public IRI ends with
 * @param version incremented at every change; the API's ETag
 */
public record Dataset(
        String id,
        long version,
        DatasetKind kind,
        Description description,
        Governance governance,
        Provenance provenance) {
    public Dataset {
        kind = kind == null ? DatasetKind.DATASET : kind;
        governance = governance == null ? new Governance(null, null, null, null) : governance;
        provenance = provenance == null ? Provenance.MANUAL : provenance;
    }

    public boolean isOpen() {
        return governance.isOpen();
    }
}
