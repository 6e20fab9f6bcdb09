import { useSearchParams } from 'react-router';

/**
 * The project of the model a page shows, from `?project=` (model names are unique per project); undefined for the
 * service's default project.
 *
 * @example
 * const project = useProject();
 */
export function useProject(): string | undefined {
  const [search] = useSearchParams();
  const project = search.get('project');
  return project === null || project === '' || project === 'default' ? undefined : project;
}

/**
 * A dashboard path of a model's page, carrying its project when it is not the default one.
 *
 * @example
 * modelPath('credit', 'risk', '/windows/w1'); // '/models/credit/windows/w1?project=risk'
 */
export function modelPath(model: string, project: string | undefined, suffix = '', base = '/models'): string {
  const query = project === undefined || project === 'default' ? '' : `?project=${encodeURIComponent(project)}`;
  return `${base}/${encodeURIComponent(model)}${suffix}${query}`;
}
