package org.comptoir.connectors.source;

import org.comptoir.catalog.dataset.AccessLevel;
import org.comptoir.catalog.dataset.Governance;
import org.comptoir.catalog.dataset.Owner;
import org.comptoir.catalog.dataset.PersonalData;
import org.comptoir.catalog.dataset.PublicationStatus;

/**
 * What the datasets a source brings in get when the source says nothing about it: their owner,
 * who may read them, whether they hold personal data. A harvested dataset is published; one marked
 * as holding personal data still never reaches the open catalogue.
 *
 * @param orgUnit the accountable organisation unit (a direction, a service, a commune), or null
 * @param ownerName the named owner, or null
 * @param ownerEmail the owner's e-mail, or null
 * @param accessLevel who may read the data; null means public
 * @param personalData whether the data holds personal data; null means none
 */
public record SourceDefaults(
        String orgUnit, String ownerName, String ownerEmail, AccessLevel accessLevel, PersonalData personalData) {
    /** Open, published, owned by nobody in particular: what a source gave before it had defaults. */
    public static final SourceDefaults NONE = new SourceDefaults(null, null, null, null, null);

    /** The governance given to a new dataset of the source. */
    public Governance governance() {
        var owner = orgUnit == null && ownerName == null && ownerEmail == null
                ? Owner.NONE
                : new Owner(orgUnit, ownerName, ownerEmail);
        return new Governance(
                owner,
                accessLevel == null ? AccessLevel.PUBLIC : accessLevel,
                personalData == null ? PersonalData.NONE : personalData,
                PublicationStatus.PUBLISHED);
    }
}
