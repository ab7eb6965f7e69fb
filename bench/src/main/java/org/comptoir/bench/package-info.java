/**
 * Benchmarks of Comptoir's performance targets, each a program started by one documented command
 * (docs/benchmarks.md). They start the packaged application ({@code web/target/comptoir.jar}) on its
 * embedded default in its own JVM and measure it from outside, over HTTP, as a user would.
 */
package org.comptoir.bench;
