/**
 * The Cloud Tasks v2 REST API: resources that parse Google's JSON into Cloud Tasks messages, call
 * one application service, and print the answer; errors in Google's error shape.
 */
package dev.courier.interfaces.rest;
