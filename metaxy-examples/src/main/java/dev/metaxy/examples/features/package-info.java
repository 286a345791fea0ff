/**
 * Feature classes shared by the examples.
 */
package dev.metaxy.examples.features;
