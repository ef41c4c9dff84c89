'use client';

import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { FieldError, FormField } from '@/app/_components/form-field';
import { input } from '../_components/ui';

/** A type's settings the way its form holds them. */
export interface AbsenceTypeFormValues {
  label: string;
  color: string;
  isPrivate: boolean;
  requiresApproval: boolean;
  countsAgainstAllowance: boolean;
  overAllowance: 'refuse' | 'warn';
  sortOrder: string;
}

/** What a refused form sent, to show it again (an unticked box is not sent). */
export function submittedTypeValues(
  values: Record<string, string>,
  fallback: AbsenceTypeFormValues,
): AbsenceTypeFormValues {
  return {
    label: values.label ?? fallback.label,
    color: values.color ?? fallback.color,
    isPrivate: values.isPrivate === 'on',
    requiresApproval: values.requiresApproval === 'on',
    countsAgainstAllowance: values.countsAgainstAllowance === 'on',
    overAllowance: values.overAllowance === 'warn' ? 'warn' : fallback.overAllowance,
    sortOrder: values.sortOrder ?? fallback.sortOrder,
  };
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

const describedBy = (...ids: Array<string | false | undefined>) =>
  ids.filter(Boolean).join(' ') || undefined;

function ColorField({
  id,
  defaultValue,
  error,
}: {
  id: string;
  defaultValue: string;
  error?: string;
}) {
  const [color, setColor] = useState(defaultValue);
  const t = useTranslations('admin.absenceTypes.fields');
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {t('colour')}
      </label>
      <div className="mt-1 flex items-center gap-2">
        <input
          type="color"
          aria-label={t('picker')}
          value={HEX_COLOR.test(color) ? color.toLowerCase() : '#94a3b8'}
          onChange={(event) => setColor(event.currentTarget.value)}
          className="h-9 w-12 shrink-0 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
        />
        <input
          id={id}
          name="color"
          value={color}
          onChange={(event) => setColor(event.currentTarget.value)}
          maxLength={7}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(`${id}-hint`, error && `${id}-error`)}
          className={`${input.replace('mt-1 ', '')} font-mono`}
        />
      </div>
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
        {t('colourHint')}
      </p>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

function Checkbox({
  id,
  name,
  label,
  hint,
  checked,
  onChange,
  defaultChecked,
}: {
  id: string;
  name: string;
  label: string;
  hint: ReactNode;
  checked?: boolean;
  onChange?: (checked: boolean) => void;
  defaultChecked?: boolean;
}) {
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        name={name}
        checked={checked}
        defaultChecked={defaultChecked}
        onChange={onChange && ((event) => onChange(event.currentTarget.checked))}
        aria-describedby={`${id}-hint`}
        className="mt-1"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      </div>
    </div>
  );
}

/**
 * The fields that creating and changing a type share; `keyField` (editable or not) comes right
 * after the name. Rendered inside a keyed form, so a new key starts them afresh.
 */
export function AbsenceTypeFields({
  idPrefix,
  values,
  errors,
  keyField,
}: {
  idPrefix: string;
  values: AbsenceTypeFormValues;
  errors?: Record<string, string[] | undefined>;
  keyField: ReactNode;
}) {
  // The rule beyond the allowance only applies to types that count against it: off (and not
  // sent, so the type keeps its rule) otherwise.
  const [counts, setCounts] = useState(values.countsAgainstAllowance);
  const t = useTranslations('admin');
  const error = (field: string) => errors?.[field]?.[0];
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <>
      <FormField
        id={id('label')}
        name="label"
        label={t('common.name')}
        maxLength={60}
        placeholder={t('absenceTypes.fields.namePlaceholder')}
        defaultValue={values.label}
        error={error('label')}
      />
      {keyField}
      <ColorField id={id('color')} defaultValue={values.color} error={error('color')} />
      <Checkbox
        id={id('private')}
        name="isPrivate"
        label={t('absenceTypes.rule.private')}
        hint={t('absenceTypes.fields.privateHint')}
        defaultChecked={values.isPrivate}
      />
      <Checkbox
        id={id('approval')}
        name="requiresApproval"
        label={t('absenceTypes.rule.approval')}
        hint={t('absenceTypes.fields.approvalHint')}
        defaultChecked={values.requiresApproval}
      />
      <Checkbox
        id={id('counts')}
        name="countsAgainstAllowance"
        label={t('absenceTypes.fields.counts')}
        hint={t('absenceTypes.fields.countsHint')}
        checked={counts}
        onChange={setCounts}
      />
      <fieldset
        disabled={!counts}
        aria-describedby={describedBy(
          `${id('rule')}-hint`,
          error('overAllowance') && `${id('rule')}-error`,
        )}
        className="ml-6 disabled:opacity-60"
      >
        <legend className="text-sm font-medium">{t('absenceTypes.fields.beyond')}</legend>
        <div className="mt-1 space-y-1">
          {(['refuse', 'warn'] as const).map((rule) => (
            <label key={rule} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="overAllowance"
                value={rule}
                defaultChecked={values.overAllowance === rule}
                className="mt-0.5"
              />
              {t(`absenceTypes.fields.${rule}`)}
            </label>
          ))}
        </div>
        <p id={`${id('rule')}-hint`} className="mt-1 text-xs text-slate-500">
          {t('absenceTypes.fields.beyondHint')}
        </p>
        <FieldError id={`${id('rule')}-error`} error={error('overAllowance')} />
      </fieldset>
      <div>
        <label htmlFor={id('position')} className="block text-sm font-medium">
          {t('absenceTypes.fields.position')}
        </label>
        <input
          id={id('position')}
          name="sortOrder"
          inputMode="numeric"
          maxLength={3}
          defaultValue={values.sortOrder}
          aria-invalid={error('sortOrder') ? true : undefined}
          aria-describedby={describedBy(
            `${id('position')}-hint`,
            error('sortOrder') && `${id('position')}-error`,
          )}
          className={input}
        />
        <p id={`${id('position')}-hint`} className="mt-1 text-xs text-slate-500">
          {t('absenceTypes.fields.positionHint')}
        </p>
        <FieldError id={`${id('position')}-error`} error={error('sortOrder')} />
      </div>
    </>
  );
}
