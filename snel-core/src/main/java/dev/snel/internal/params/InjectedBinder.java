package dev.snel.internal.params;

/** Binds the objects a handler receives by type: the request and the response to shape. */
enum InjectedBinder implements ParamBinder {
  REQUEST {
    @Override
    public Object bind(Binding binding) {
      return binding.request();
    }
  },
  RESPONSE {
    @Override
    public Object bind(Binding binding) {
      return binding.response();
    }
  }
}
