package dev.snel.internal.params;

import org.jspecify.annotations.Nullable;

/** Binds the objects a handler receives by type: the request and the response to shape. */
enum InjectedBinder implements ParamBinder {
  REQUEST {
    @Override
    public @Nullable Object bind(Binding binding) {
      return binding.request();
    }
  },
  RESPONSE {
    @Override
    public @Nullable Object bind(Binding binding) {
      return binding.response();
    }
  }
}
