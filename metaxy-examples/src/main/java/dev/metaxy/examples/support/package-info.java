/**
 * What the example runbooks share: running steps, printing and checking results.
 */
package dev.metaxy.examples.support;
