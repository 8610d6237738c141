/**
 * Whether an element is on screen, from one IntersectionObserver shared by
 * every element that asks.
 */
type Callback = (visible: boolean) => void;
const callbacks = new WeakMap<Element, Callback>();
let observer: IntersectionObserver | undefined;

export function watchVisibility(el: Element, callback: Callback): () => void {
  observer ??= new IntersectionObserver((entries) => {
    for (const e of entries) callbacks.get(e.target)?.(e.isIntersecting);
  });
  callbacks.set(el, callback);
  observer.observe(el);
  return () => {
    callbacks.delete(el);
    observer?.unobserve(el);
  };
}
