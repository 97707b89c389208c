import { IconCheck, IconEyeOff, IconLock, IconBan } from "@/components/ui/icons";

/** What a visible profile shows to employers, what it never shows, and what only after "yes". */
export function WhatEmployersSee() {
  return (
    <div className="sees-box">
      <h2 className="subform__title with-icon">
        <IconCheck />
        <span>Ce que les entreprises voient</span>
      </h2>
      <ul className="sees sees--yes">
        <li>
          <IconCheck size="1.25em" />
          <span>Les métiers que vous cherchez et vos compétences</span>
        </li>
        <li>
          <IconCheck size="1.25em" />
          <span>La distance entre chez vous et leur entreprise (pas votre adresse)</span>
        </li>
        <li>
          <IconCheck size="1.25em" />
          <span>Quand vous pouvez travailler, votre permis, vos formations</span>
        </li>
      </ul>
      <h2 className="subform__title with-icon">
        <IconLock />
        <span>Seulement si vous dites oui</span>
      </h2>
      <p>
        Votre nom, votre téléphone, votre e-mail et votre CV : une entreprise les voit seulement si vous acceptez
        qu'elle vous contacte. Elle vous le demande d'abord, dans « Mes propositions ».
      </p>
      <h2 className="subform__title with-icon">
        <IconEyeOff />
        <span>Ce qu'elles ne voient jamais</span>
      </h2>
      <ul className="sees sees--no">
        <li>
          <IconBan size="1.25em" />
          <span>Si vous touchez le RSA</span>
        </li>
        <li>
          <IconBan size="1.25em" />
          <span>Votre santé</span>
        </li>
        <li>
          <IconBan size="1.25em" />
          <span>Les notes de votre conseiller</span>
        </li>
      </ul>
    </div>
  );
}
