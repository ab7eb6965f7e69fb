/**
 * Reading XML from sources safely: {@link org.comptoir.connectors.xml.SecureXml} gives DOM and StAX
 * parsers that refuse document type declarations, external entities and entity expansion, so a
 * hostile or broken source (an XML bomb, an XXE probe) is refused with a reason instead of
 * exhausting memory or reading local files.
 */
package org.comptoir.connectors.xml;
