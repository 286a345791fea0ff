/**
 * The quickstart example.
 */
package dev.metaxy.examples.quickstart;
