/**
 * HTTP helpers every servlet shares: problems as 4xx with a message, ETags and gzip, answers kept
 * in memory and on disk, servlets with their paths. Uses nothing of the project's.
 */
package io.reformkg.http;
