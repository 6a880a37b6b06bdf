import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::good-practice.good-practice');
