// Sets an element's style properties through the CSSOM. The content security policy forbids inline style attributes
// (style-src 'self'), which lit-html's styleMap writes on first render; properties set from script are allowed.
import { nothing } from "lit-html";
import { Directive, directive, PartType, type ElementPart, type PartInfo } from "lit-html/directive.js";

class StyleProperties extends Directive {
  private previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error("cssom() goes on an element: <div ${cssom({...})}>");
  }

  render(_properties: Record<string, string>): typeof nothing { return nothing; }

  override update(part: ElementPart, [properties]: [Record<string, string>]): typeof nothing {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) {
      if (!(name in properties)) style.removeProperty(name);
    }
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.previous = new Set(Object.keys(properties));
    return nothing;
  }
}

export const cssom = directive(StyleProperties);
