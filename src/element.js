// The <comparison-card> class. It stays small on purpose: every decision is made by the Rust
// CardController; this file only forwards the custom-element callbacks and the `spec` property,
// and makes sure nothing it forwards can throw into the host page.

function guarded(action) {
  try {
    return action();
  } catch (error) {
    console.error('comparison-card: internal error', error);
    return undefined;
  }
}

export function defineCardElement(tagName, createController) {
  // Another copy of the module, or another library, may have defined the tag already.
  if (customElements.get(tagName)) return false;

  class ComparisonCardElement extends HTMLElement {
    #controller;

    constructor() {
      super();
      this.#controller = guarded(() => createController(this));
      // A script may have set `spec` before this class was defined; that value sits on the
      // instance and hides the accessor, so move it through the accessor now.
      if (Object.prototype.hasOwnProperty.call(this, 'spec')) {
        const early = this.spec;
        delete this.spec;
        this.spec = early;
      }
    }

    connectedCallback() {
      // One microtask later, so a script that appends the element and then sets `spec`
      // gets a single render and no "missing spec" error in between.
      queueMicrotask(() => {
        if (this.isConnected) guarded(() => this.#controller?.connected(this));
      });
    }

    disconnectedCallback() {
      guarded(() => this.#controller?.disconnected());
    }

    get spec() {
      return guarded(() => this.#controller?.spec()) ?? null;
    }

    set spec(value) {
      guarded(() => this.#controller?.setSpec(this, value));
    }
  }

  customElements.define(tagName, ComparisonCardElement);
  return true;
}
