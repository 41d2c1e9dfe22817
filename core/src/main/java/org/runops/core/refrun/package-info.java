/**
 * Reference-run recommendation: the run→reference history, ranking methods and their time-ordered
 * evaluation. (The recommender itself and the feature table follow.)
 */
package org.runops.core.refrun;
