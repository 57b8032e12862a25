package org.cloudworkspace.inventory.api;

import java.util.List;

/** One page of InventoryPro's item search: the items (without attachments) and how many matched in all. */
public record ItemSearchView(List<ItemView> items, long total) {

  public ItemSearchView {
    items = items == null ? List.of() : List.copyOf(items);
  }
}
