// A closed code tab arrives with its code as plain text and its highlighting as runs in data-sn-hl
// ("class:length" for a coloured token, a bare length for the text between; hooks/studynotes_site/markup.py),
// so a long post does not hold thousands of colour spans nobody has asked to see. Opening the tab wraps
// the runs in their spans, once. One listener on the document serves every page, after instant navigation too.
document.addEventListener("change", (event) => {
  const input = event.target;
  const set = input instanceof HTMLInputElement && input.type === "radio" ? input.closest(".tabbed-set") : null;
  if (!set) return;
  const index = [...set.querySelectorAll(":scope > input")].indexOf(input);
  const block = set.querySelectorAll(":scope > .tabbed-content > .tabbed-block")[index];
  for (const code of block ? block.querySelectorAll("pre > code[data-sn-hl]") : []) {
    const text = code.textContent;
    let at = 0;
    const pieces = code.dataset.snHl.split(" ").map((run) => {
      const [name, length] = run.includes(":") ? run.split(":") : ["", run];
      const piece = text.slice(at, (at += Number(length)));
      if (!name) return piece;
      const span = document.createElement("span");
      span.className = name.replaceAll(".", " ");
      span.textContent = piece;
      return span;
    });
    code.replaceChildren(...pieces, text.slice(at));
    code.removeAttribute("data-sn-hl");
  }
});
