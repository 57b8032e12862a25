package org.cloudworkspace.inventory.api;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.cloudworkspace.common.error.DomainException;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns InventoryPro's error answers into exceptions: 404 and the 4xx answers about the request itself become domain
 * errors the user can act on (not failures of InventoryPro); 401, 403, 5xx and anything else unexpected become
 * {@link InventoryProFailure}s, which retry, open the circuit and end as "not reachable".
 */
public class InventoryProResponseMapper implements ResponseExceptionMapper<RuntimeException> {

  @Override
  public boolean handles(int status, MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  @Override
  public RuntimeException toThrowable(Response response) {
    int status = response.getStatus();
    return switch (status) {
      case 404 -> new DomainException(
          DomainException.Kind.NOT_FOUND, "Item not found", "InventoryPro has no such item.");
      case 413 -> new DomainException(
          DomainException.Kind.PAYLOAD_TOO_LARGE, "File too large", "InventoryPro does not accept a file this large.");
      case 400, 409, 415, 422 -> new DomainException(
          DomainException.Kind.INVALID_INPUT,
          "Refused by InventoryPro",
          "InventoryPro refused the request (HTTP " + status + ").");
      default -> new InventoryProFailure("InventoryPro answered HTTP " + status);
    };
  }
}
