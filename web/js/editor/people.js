// The people of the case, under pseudonymous roles (moeder, vader, pleegouder, kind …), never names: a moment's actor
// and a caption's speaker are one of them, and a child's age band tells whether the method fits.
import { h, fill } from "app/dom.js";
import { t } from "app/i18n.js";
import { addPerson } from "app/editor/tags.js";

/** @typedef {import("app/editor/tags.js").Person} Person */

/**
 * @param {{ onChange: (people: Person[]) => void }} actions
 */
export function peopleFields({ onChange }) {
  /** @type {Person[]} */
  let people = [];
  /** @type {{ roles: { code: string, actor: string }[], ageBands: string[] }} */
  let codes = { roles: [], ageBands: [] };
  const list = h("ul", { id: "people", class: "list" });
  const role = h("select", { id: "person-role" });
  const element = h("fieldset", { class: "people-fields" }, h("legend", {}, t("editor.people")),
    h("p", { class: "hint" }, t("editor.peopleHint")), list,
    h("div", { class: "field inline-form" }, h("label", { for: "person-role" }, t("editor.personRole")), role,
      h("button", { type: "button", id: "add-person", onclick: () => change(addPerson(people, role.value)) }, t("editor.addPerson"))));

  /** @param {Person[]} next */
  function change(next) {
    people = next;
    show();
    onChange(people);
  }

  function show() {
    fill(list, people.map((person, index) => {
      const isChild = codes.roles.find(r => r.code === person.role)?.actor === "child";
      const band = isChild && h("select", { "aria-label": t("editor.ageBandOf", { id: person.id }), "data-age-band": person.id,
        onchange: () => change(people.map((p, i) => (i === index ? { ...p, ageBand: band ? band.value || undefined : undefined } : p))) },
        h("option", { value: "" }, t("editor.ageBandUnknown")), codes.ageBands.map(b => h("option", { value: b }, t("editor.ageBand", { band: b }))));
      if (band) band.value = person.ageBand ?? "";
      return h("li", { "data-person": person.id },
        h("code", {}, person.id), " · ", t(`person.role.${person.role}`), " ", band || "",
        h("button", { type: "button", class: "link", "aria-label": t("editor.removePersonLabel", { id: person.id }),
          onclick: () => change(people.filter((_, i) => i !== index)) }, t("editor.removePerson")));
    }));
  }

  return {
    element,
    /**
     * The roles and age bands to choose from (the API's codes, named in the page's language).
     * @param {{ roles?: { code: string, actor: string }[], ageBands?: string[] }} method
     */
    showCodes({ roles = [], ageBands = [] }) {
      codes = { roles, ageBands };
      fill(role, roles.map(r => h("option", { value: r.code }, t(`person.role.${r.code}`))));
      show();
    },
    /** @param {Person[]} loaded */
    show(loaded) { people = loaded; show(); },
    read: () => people,
  };
}
