// A closed code tab arrives with its code as plain text and the highlighted version in a <template>
// beside it (hooks/studynotes_site/markup.py), so a long post does not hold thousands of colour spans
// nobody has asked to see. Opening the tab puts the highlighted code in place, once. One listener on the
// document serves every page, also after instant navigation.
document.addEventListener("change", (event) => {
  const input = event.target;
  const set = input instanceof HTMLInputElement && input.type === "radio" ? input.closest(".tabbed-set") : null;
  if (!set) return;
  const index = [...set.querySelectorAll(":scope > input")].indexOf(input);
  const block = set.querySelectorAll(":scope > .tabbed-content > .tabbed-block")[index];
  for (const template of block ? block.querySelectorAll("template.sn-highlight") : []) {
    template.parentElement.querySelector("pre > code")?.replaceChildren(template.content);
    template.remove();
  }
});
