package org.comptoir.catalog.dataset;

/**
 * What the authority decides about a dataset: who answers for it, who may read it, whether it
 * holds personal data, and where it stands in the publication workflow.
 */
public record Governance(Owner owner, AccessLevel accessLevel, PersonalData personalData, PublicationStatus status) {
    public Governance {
        owner = owner == null ? Owner.NONE : owner;
        accessLevel = accessLevel == null ? AccessLevel.PUBLIC : accessLevel;
        personalData = personalData == null ? PersonalData.NONE : personalData;
        status = status == null ? PublicationStatus.DRAFT : status;
    }

    /**
     * The invariant of the open catalogue: only a published, public dataset that identifies nobody
     * may be shown to the public, whatever the charter rules say.
     */
    public boolean isOpen() {
        return status == PublicationStatus.PUBLISHED
                && accessLevel == AccessLevel.PUBLIC
                && !personalData.identifiesPeople();
    }

    public Governance withStatus(PublicationStatus newStatus) {
        return new Governance(owner, accessLevel, personalData, newStatus);
    }
}
